-- Finalised invoices are immutable (§14 UStG, GoBD): once an invoice leaves `draft`, only its
-- tracking columns may change (status, payments, sent/paid times, the PDF, the link to its
-- cancellation, ownership and the row version); its legal content, its lines and the row itself
-- are refused here, whatever the application does. Corrections are cancellation invoices.
CREATE FUNCTION finance_refuse_finalised_invoice_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tracking text[] := ARRAY['status', 'paid_cents', 'paid_at', 'sent_at', 'pdf_document_id', 'pdf_file_id', 'pdf_sha256',
                           'cancelled_by_invoice_id', 'owner_id', 'department_id', 'version', 'updated_at', 'updated_by'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'invoice % (%) is finalised and cannot be deleted', OLD.number, OLD.id USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' THEN
    IF NEW.status = 'draft' THEN
      RAISE EXCEPTION 'invoice % (%) is finalised and cannot return to draft', OLD.number, OLD.id USING ERRCODE = 'P0001';
    END IF;
    IF (to_jsonb(NEW) - tracking) IS DISTINCT FROM (to_jsonb(OLD) - tracking) THEN
      RAISE EXCEPTION 'invoice % (%) is finalised; its legal content cannot be changed', OLD.number, OLD.id USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER invoices_immutable_when_finalised
  BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION finance_refuse_finalised_invoice_change();
CREATE FUNCTION finance_refuse_finalised_invoice_line_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parent_status text;
BEGIN
  SELECT status INTO parent_status FROM invoices WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END);
  IF parent_status IS NOT NULL AND parent_status <> 'draft' THEN
    RAISE EXCEPTION 'the lines of a finalised invoice cannot be changed' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.invoice_id <> OLD.invoice_id THEN
    SELECT status INTO parent_status FROM invoices WHERE id = OLD.invoice_id;
    IF parent_status IS NOT NULL AND parent_status <> 'draft' THEN
      RAISE EXCEPTION 'the lines of a finalised invoice cannot be changed' USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER invoice_lines_immutable_when_finalised
  BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION finance_refuse_finalised_invoice_line_change();
