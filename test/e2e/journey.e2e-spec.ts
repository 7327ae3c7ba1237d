import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { unwrap } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { startTestSmtpServer, TestSmtpServer } from '@libs/testing/automation';
import { drainOutbox } from '@libs/testing/outbox';
import { seedUuid } from '../../src/db/seeds/seed-utils';
import { runAutomationJobs } from '../support/automation-jobs';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedReferenceData } from './support/auth';
import { clientFor } from './support/crm-api';
import { castJourney, createPostcodeRouting, enableConfirmationWorkflow, etagOf, JourneyCast } from './support/journey';

/**
 * One enquiry from the website form to a paid invoice, across the contexts, through the generated
 * client and as the roles that do each step (through PgBouncer when it runs). The steps share one
 * state and run in order; a step of a context that does not exist yet is a `todo` naming what it
 * will prove, to be filled in when the context lands.
 */
describe('the customer journey, end to end', () => {
  let db: TestDatabase;
  let server: TestApp;
  let smtp: TestSmtpServer;
  let cast: JourneyCast;
  const state: {
    routingWorkflowId?: string;
    confirmationWorkflowId?: string;
    leadId?: string;
    contactId?: string;
    projectId?: string;
    buildingId?: string;
    scenarioId?: string;
    snapshotId?: string;
    documentRequestId?: string;
    visitId?: string;
    visitStartsAt?: string;
    calculationId?: string;
    quoteId?: string;
    applicationId?: string;
    invoiceIds?: string[];
  } = {};
  /** The project moves through its pipeline as the consultant records each milestone. */
  const projectTo = async (status: 'quoted' | 'contracted' | 'funding_applied' | 'in_execution' | 'completed') =>
    unwrap(cast.consultant.POST('/api/v1/projects/{id}/status', { params: { path: { id: state.projectId! } }, body: { status } }));
  const today = () => DateTime.now().setZone('Europe/Berlin').toISODate()!;
  const email = 'familie.hoffmann@example.org';

  /** Events to their subscribers, then every due workflow step: what the relay and the worker do in production. */
  const settle = async () => {
    await drainOutbox(server.app);
    await runAutomationJobs(server.app);
    await drainOutbox(server.app);
  };

  beforeAll(async () => {
    [smtp, db] = await Promise.all([startTestSmtpServer(), createTestDatabase()]);
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, configOverrides: { mail: { smtpUrl: smtp.url } } });
    cast = await castJourney(server.baseUrl, await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD));
    state.routingWorkflowId = await createPostcodeRouting(cast.admin, '34', cast.salesDepartmentId, cast.salesId);
    state.confirmationWorkflowId = await enableConfirmationWorkflow(cast.admin);
    await drainOutbox(server.app); // the setup's own events, before the journey starts
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await server?.close();
    await smtp?.close();
    await db?.drop();
  });

  describe('step 1: a home owner asks for energy consulting on the website', () => {
    it('creates a lead, routes it to sales by postcode, and mails a German confirmation', async () => {
      const form = await unwrap(cast.visitor.GET('/api/v1/public/forms/{formSlug}', { params: { path: { formSlug: 'energieberatung-anfragen' } } }));
      expect(form.consent).toMatchObject({ version: '2026-12' });
      // The visitor takes a few seconds to fill the form in (the seeded form refuses faster ones as bots).
      const shownAt = Date.now();
      jest.spyOn(Date, 'now').mockImplementation(() => shownAt + 30_000);
      const receipt = await unwrap(
        cast.visitor.POST('/api/v1/public/forms/{formSlug}/submissions', {
          params: { path: { formSlug: 'energieberatung-anfragen' } },
          body: {
            formToken: form.formToken,
            language: 'de',
            answers: {
              salutation: 'ms',
              firstName: 'Petra',
              lastName: 'Hoffmann',
              email,
              phone: '+49 561 7654321',
              postcode: '34128',
              buildingType: 'single_family',
              yearBuilt: 1962,
              interests: ['energy_consulting', 'insulation', 'heat_pump'],
              message: 'Wir möchten unser Haus aus den 60ern Schritt für Schritt sanieren.',
              privacy: true,
            },
            utm: { source: 'website' },
          },
          headers: { 'x-forwarded-for': '198.51.100.20' },
        }),
      );
      jest.restoreAllMocks();
      expect(receipt.message).toBe('Vielen Dank für Ihre Anfrage! Wir melden uns innerhalb von zwei Werktagen bei Ihnen.');
      await settle();

      // Sales finds the lead in its department, assigned to the region's salesperson.
      const leads = await unwrap(cast.sales.GET('/api/v1/leads', { params: { query: { q: 'Hoffmann' } } }));
      expect(leads.items).toHaveLength(1);
      const [lead] = leads.items;
      expect(lead).toMatchObject({ source: 'website_form', status: 'new', preferredLanguage: 'de', departmentId: cast.salesDepartmentId, assigneeId: cast.salesId });
      expect(lead.propertyAddress).toMatchObject({ postalCode: '34128' });
      state.leadId = lead.id;

      // The confirmation went out over SMTP, once, in German.
      const mails = smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('Ihre Anfrage zur Energieberatung');
      expect(mails[0].text).toContain('Guten Tag');
      expect(mails[0].text).toContain('Hoffmann');
      expect(mails[0].headers.get('content-language')).toBe('de');
    });
  });

  describe('step 2: sales books the on-site visit and asks for documents', () => {
    it('sales books an on-site visit in a consultant’s free slot (slot search) and the ICS is valid', async () => {
      const { consultant, sales } = cast;
      // The consultant keeps their working week (Hessen's public holidays are days off).
      for (const weekday of [1, 2, 3, 4, 5]) {
        await unwrap(consultant.POST('/api/v1/working-hours', { body: { userId: cast.consultantId, weekday, startMinute: 480, endMinute: 1020, validFrom: '2026-01-01', federalState: 'HE' } }));
      }
      // Next week, relative to the day the test runs: slots are only ever offered in the future.
      const monday = DateTime.now().setZone('Europe/Berlin').startOf('week').plus({ weeks: 1 });
      const slots = await unwrap(
        sales.GET('/api/v1/appointments/slots', {
          params: { query: { consultantIds: [cast.consultantId], from: monday.toISODate()!, to: monday.plus({ days: 13 }).toISODate()!, duration: 90, kind: 'on_site_visit', near: '34128' } },
        }),
      );
      expect(slots.items.length).toBeGreaterThan(0);
      const slot = slots.items[0];
      expect(slot.consultantId).toBe(cast.consultantId);
      const localStart = DateTime.fromISO(slot.startsAt, { zone: 'Europe/Berlin' });
      const localEnd = DateTime.fromISO(slot.endsAt, { zone: 'Europe/Berlin' });
      expect([localStart.hour * 60 + localStart.minute, localEnd.hour * 60 + localEnd.minute, localEnd.diff(localStart, 'minutes').minutes]).toEqual([
        expect.any(Number),
        expect.any(Number),
        90,
      ]);
      expect(localStart.hour * 60 + localStart.minute).toBeGreaterThanOrEqual(480); // inside the working day
      expect(localEnd.hour * 60 + localEnd.minute).toBeLessThanOrEqual(1020);

      const visit = await unwrap(
        sales.POST('/api/v1/appointments', {
          params: { header: { 'Idempotency-Key': 'journey-visit' } },
          body: {
            kind: 'on_site_visit',
            title: 'Vor-Ort-Termin Familie Hoffmann',
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            consultantIds: [cast.consultantId],
            leadId: state.leadId!,
            location: { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel' },
            language: 'de',
          },
        }),
      );
      expect(visit).toMatchObject({ status: 'tentative', ownerId: cast.consultantId, consultantIds: [cast.consultantId], leadId: state.leadId, outsideWorkingHours: false });
      state.visitId = visit.id;
      state.visitStartsAt = slot.startsAt;
      // The slot is taken now: the same search no longer offers it.
      const after = await unwrap(sales.GET('/api/v1/appointments/slots', { params: { query: { consultantIds: [cast.consultantId], from: localStart.toISODate()!, to: localStart.toISODate()!, duration: 90, kind: 'on_site_visit' } } }));
      expect(after.items.map((s) => s.startsAt)).not.toContain(slot.startsAt);

      // The calendar file the consultant imports: one event in Europe/Berlin with its time zone.
      const ics = await sales.GET('/api/v1/appointments/{id}/ics', { params: { path: { id: visit.id } }, parseAs: 'text' });
      expect(ics.response.status).toBe(200);
      expect(ics.response.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect((ics.data as unknown as string).endsWith('END:VCALENDAR\r\n')).toBe(true);
      const calendar = new ICAL.Component(ICAL.parse(ics.data as unknown as string));
      const vtimezone = calendar.getFirstSubcomponent('vtimezone');
      expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
      try {
        ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone!));
        expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
        const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
        expect(event.uid).toBe(`${visit.id}@scheduling.renewa`);
        expect(event.summary).toBe('Vor-Ort-Termin Familie Hoffmann');
        expect(event.location).toBe('Lindenallee 23, 34128 Kassel');
        expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
        expect(event.startDate.toString()).toBe(localStart.toFormat("yyyy-MM-dd'T'HH:mm:ss"));
        expect(event.startDate.toJSDate().toISOString()).toBe(slot.startsAt);
        expect(event.endDate.toJSDate().toISOString()).toBe(slot.endsAt);
      } finally {
        ICAL.TimezoneService.reset();
      }
    });
    // The document request needs the contact and project the conversion makes: step 3b below.
  });

  describe('step 3: sales converts the lead', () => {
    it('makes a contact and a project with the building data carried over', async () => {
      const leadId = state.leadId!;
      // What the visit found out, then qualified and handed to the consultant.
      await unwrap(
        cast.sales.PATCH('/api/v1/leads/{id}', {
          params: { path: { id: leadId }, header: { 'If-Match': await etagOf(cast.sales.GET('/api/v1/leads/{id}', { params: { path: { id: leadId } } })) } },
          body: {
            status: 'qualified',
            propertyAddress: { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel' },
            livingAreaM2: 136,
            residentialUnits: 1,
            ownerOccupied: true,
            assigneeId: cast.consultantId,
          },
        }),
      );
      const converted = await unwrap(cast.sales.POST('/api/v1/leads/{id}/convert', { params: { path: { id: leadId } }, body: {} }));
      expect(converted).toMatchObject({ status: 'converted', contact: { lastName: 'Hoffmann', email } });
      state.contactId = converted.contact.id;
      await drainOutbox(server.app);

      const projects = await unwrap(cast.consultant.GET('/api/v1/projects', { params: { query: { sourceLeadId: leadId } } }));
      expect(projects.items).toHaveLength(1);
      const [project] = projects.items;
      expect(project).toMatchObject({ status: 'new', ownerId: cast.consultantId, departmentId: cast.salesDepartmentId, contactId: converted.contact.id });
      expect(project.interests).toEqual(expect.arrayContaining(['energy_consulting', 'insulation', 'heat_pump']));
      state.projectId = project.id;
      const [building] = (await unwrap(cast.consultant.GET('/api/v1/buildings', { params: { query: { projectId: project.id } } }))).items;
      expect(building).toMatchObject({
        address: { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel' },
        buildingType: 'single_family',
        yearOfConstruction: 1962,
        heatedLivingAreaM2: 136,
        residentialUnits: 1,
        ownerOccupiedUnits: 1,
      });
      state.buildingId = building.id;

      // The booked visit now belongs to the customer and the project, not only to the lead.
      const visitId = state.visitId!;
      const linked = await unwrap(
        cast.sales.PATCH('/api/v1/appointments/{id}', {
          params: { path: { id: visitId }, header: { 'If-Match': await etagOf(cast.sales.GET('/api/v1/appointments/{id}', { params: { path: { id: visitId } } })) } },
          // `language` is optional on PATCH; the generated client marks fields with a default as required (openapi-typescript's defaultNonNullable).
          body: { contactId: converted.contact.id, projectId: project.id, language: 'de' },
        }),
      );
      expect(linked).toMatchObject({ leadId, contactId: converted.contact.id, projectId: project.id, startsAt: state.visitStartsAt });
    });
  });

  describe('step 3b: sales asks for documents', () => {
    it('a document request for floor plans and energy bills goes out; the customer uploads both through the public link and the request is fulfilled', async () => {
      const { sales, visitor } = cast;
      const request = await unwrap(
        sales.POST('/api/v1/document-requests', {
          params: { header: { 'Idempotency-Key': 'journey-document-request' } },
          body: {
            contactId: state.contactId!,
            projectId: state.projectId!,
            dueDate: '2027-01-15',
            language: 'de',
            reminderDaysBefore: 3,
            // The consultant needs the plans: the request, and the documents the uploads become, are theirs.
            ownerId: cast.consultantId,
            items: [
              { typeId: seedUuid('documentTypes', 'floor_plan:2025-01-01'), instructions: { de: 'Grundrisse aller Geschosse, gern als Foto', en: 'Floor plans of every storey, a photo will do' }, required: true },
              { typeId: seedUuid('documentTypes', 'energy_bill:2025-01-01'), instructions: { de: 'Gasabrechnungen der letzten drei Jahre', en: 'Gas bills of the last three years' }, required: true },
            ],
          },
        }),
      );
      state.documentRequestId = request.id;
      const link = await unwrap(sales.POST('/api/v1/document-requests/{id}/link', { params: { path: { id: request.id } }, body: { validDays: 30 } }));

      // The customer opens the link: no login, German texts, nothing but the checklist.
      const checklist = await unwrap(visitor.GET('/api/v1/public/document-requests/{portalToken}', { params: { path: { portalToken: link.portalToken } } }));
      expect(checklist).toMatchObject({ language: 'de', dueDate: '2027-01-15', complete: false });
      expect(checklist.items.map((item) => [item.documentType, item.status])).toEqual([
        ['Grundriss', 'missing'],
        ['Energieabrechnung', 'missing'],
      ]);
      for (const [item, name] of [
        [checklist.items[0], 'Grundriss EG.pdf'],
        [checklist.items[1], 'Gasabrechnung 2025.pdf'],
      ] as const) {
        const form = new FormData();
        form.append('file', new Blob([`%PDF-1.4\n%${name}\n%%EOF\n`], { type: 'application/pdf' }), name);
        const receipt = await unwrap(
          visitor.POST('/api/v1/public/document-requests/{portalToken}/items/{itemId}/uploads', {
            params: { path: { portalToken: link.portalToken, itemId: item.itemId } },
            body: form as never,
            bodySerializer: (body: unknown) => body as FormData,
          }),
        );
        expect(receipt).toMatchObject({ itemId: item.itemId, status: 'uploaded', filename: name });
      }

      const fulfilled = await unwrap(sales.GET('/api/v1/document-requests/{id}', { params: { path: { id: request.id } } }));
      expect(fulfilled.status).toBe('fulfilled');
      const documents = await unwrap(cast.consultant.GET('/api/v1/documents', { params: { query: { linkType: 'project', linkId: state.projectId! } } }));
      expect(documents.items.map((d) => d.title.de).sort()).toEqual(['Energieabrechnung', 'Grundriss']);
      await settle();
    });
  });

  describe('step 4: the consultant surveys the building and presents an iSFP', () => {
    it('records components and plant, finds the wall too weak, fixes it and presents the frozen scenario', async () => {
      const { consultant } = cast;
      const buildingId = state.buildingId!;
      // The customer confirmed the visit; the consultant marks it done, which moves the project to surveyed.
      for (const status of ['confirmed', 'completed'] as const) {
        await unwrap(consultant.POST('/api/v1/appointments/{id}/status', { params: { path: { id: state.visitId! } }, body: { status } }));
      }
      await drainOutbox(server.app);
      expect(await unwrap(consultant.GET('/api/v1/projects/{id}', { params: { path: { id: state.projectId! } } }))).toMatchObject({ status: 'surveyed' });

      const material = (key: string) => seedUuid('materials', key);
      const wall = await unwrap(
        consultant.POST('/api/v1/components', {
          body: {
            buildingId,
            name: 'Außenwand',
            category: 'external_wall_air',
            areaM2: 142,
            layers: [
              { materialId: material('putz-gips'), thicknessMm: 15 },
              { materialId: material('hlz-1200'), thicknessMm: 300 },
              { materialId: material('putz-kalkzement'), thicknessMm: 20 },
            ],
          },
          headers: { 'Idempotency-Key': 'journey-wall' },
        }),
      );
      expect(wall).toMatchObject({ uValueSource: 'computed', uValueRounded: 1.2 });
      const ceiling = await unwrap(
        consultant.POST('/api/v1/components', {
          body: { buildingId, name: 'Oberste Geschossdecke', category: 'top_floor_ceiling', areaM2: 70, layers: [{ materialId: material('stahlbeton-1'), thicknessMm: 160 }] },
        }),
      );
      const windows = await unwrap(consultant.POST('/api/v1/components', { body: { buildingId, name: 'Fenster', category: 'window', declaredUValue: 2.8, areaM2: 22 } }));
      await unwrap(consultant.POST('/api/v1/building-systems', { body: { buildingId, kind: 'heat_generator', energyCarrier: 'natural_gas', powerKw: 24, yearInstalled: 1996 } }));

      const scenario = await unwrap(
        consultant.POST('/api/v1/scenarios', {
          body: {
            buildingId,
            name: 'iSFP Hoffmann',
            kind: 'isfp',
            packages: [{ title: 'Dach', plannedYear: 2027 }, { title: 'Fenster', plannedYear: 2028 }, { title: 'Fassade', plannedYear: 2029 }],
          },
        }),
      );
      state.scenarioId = scenario.id;
      const eps = material('eps-035');
      await unwrap(consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: 1, kind: 'ceiling_insulation', title: 'Dämmung oberste Geschossdecke', componentIds: [ceiling.id], newLayers: [{ materialId: eps, thicknessMm: 240 }], costEstimateNetCents: 900_000 } }));
      await unwrap(consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: 2, kind: 'windows', title: 'Fenstertausch', componentIds: [windows.id], targetUValue: 0.95, costEstimateNetCents: 2_200_000 } }));
      const facade = await unwrap(consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: 3, kind: 'wall_insulation', title: 'WDVS 8 cm', componentIds: [wall.id], newLayers: [{ materialId: eps, thicknessMm: 80 }], costEstimateNetCents: 3_600_000 } }));

      // The checks flag the wall: 8 cm leave it above both the legal and the funding limit.
      const draft = await unwrap(consultant.GET('/api/v1/scenarios/{id}/full', { params: { path: { id: scenario.id } } }));
      const wallChecks = draft.detail.measures.find((m) => m.id === facade.id)!.checks;
      expect(wallChecks.map((c) => [c.requirementSetKey, c.outcome])).toEqual([['beg_em_tma', 'fail'], ['geg_anlage_7', 'fail']]);
      expect(wallChecks[1].explanation.de).toMatch(/^U = 0,\d+ W\/\(m²·K\) überschreitet 0,24 W\/\(m²·K\)/);

      // The consultant fixes the insulation layer: 16 cm meet both.
      await unwrap(
        consultant.PATCH('/api/v1/measures/{id}', {
          params: { path: { id: facade.id }, header: { 'If-Match': await etagOf(consultant.GET('/api/v1/measures/{id}', { params: { path: { id: facade.id } } })) } },
          body: { title: 'WDVS 16 cm', newLayers: [{ materialId: eps, thicknessMm: 160 }] },
        }),
      );
      const fixed = await unwrap(consultant.GET('/api/v1/measures/{id}/checks', { params: { path: { id: facade.id } } }));
      expect(fixed.checks.map((c) => c.outcome)).toEqual(['pass', 'pass']);

      const presented = await unwrap(consultant.POST('/api/v1/scenarios/{id}/present', { params: { path: { id: scenario.id } }, headers: { 'Idempotency-Key': 'journey-present' } }));
      expect(presented).toMatchObject({ frozen: true, scenario: { status: 'presented' }, detail: { totals: { measureCount: 3 } } });
      state.snapshotId = presented.snapshot!.id;
      const frozen = await consultant.PATCH('/api/v1/measures/{id}', {
        params: { path: { id: facade.id }, header: { 'If-Match': await etagOf(consultant.GET('/api/v1/measures/{id}', { params: { path: { id: facade.id } } })) } },
        body: { costEstimateNetCents: 1 },
      });
      expect(frozen.error).toMatchObject({ code: 'PROJECTS_SCENARIO_NOT_DRAFT' });
      expect(await unwrap(consultant.GET('/api/v1/projects/{id}', { params: { path: { id: state.projectId! } } }))).toMatchObject({ status: 'scenarios_presented' });
    });
  });

  describe('step 5: funding calculation', () => {
    it('funding for the scenario (BEG EM envelope with iSFP bonus + KfW 458 heat pump, owner-occupier with a given income) is stored with its rule versions', async () => {
      const { consultant } = cast;
      // A fixed decisive date and iSFP day keep the figures independent of the day the test runs.
      const request = {
        date: '2027-01-15',
        scenarioId: state.scenarioId!,
        routes: ['beg_em_kfw_458' as const, 'estg_35c' as const],
        measures: [{ kind: 'heat_pump_air' as const, costCents: 3_000_000 }],
        building: { isfpDate: '2026-12-01', replacedHeating: { kind: 'gas_boiler' as const, ageYears: 30, working: true } },
        household: { ownerOccupied: true, taxableIncomeCents: 3_500_000, minorChildren: 1 },
      };
      const stored = await unwrap(consultant.POST('/api/v1/funding/stored-calculations', { body: request, headers: { 'Idempotency-Key': 'journey-funding' } }));
      const [beg, tax] = stored.result.routes;
      // BAFA: 67,000 € capped at 60,000 € (with iSFP): 15 % × 60,000 + 5 % × 30,000 = 10,500 €.
      expect(beg.programs[0]).toMatchObject({ programKey: 'beg_em_bafa', eligibleCostsCents: 6_000_000, grantCents: 1_050_000 });
      // KfW 458: 28,000 € × (30 + 16 + 40 = 86 % → 80 %, income 35,000 € − 10,000 € family supplement) = 22,400 €.
      expect(beg.programs[1]).toMatchObject({ programKey: 'kfw_458', eligibleCostsCents: 2_800_000, cappedRateBp: 8000, grantCents: 2_240_000 });
      expect(tax).toMatchObject({ route: 'estg_35c', totalCents: 1_940_000 });
      expect(stored).toMatchObject({ scenarioId: state.scenarioId, bestRoute: 'beg_em_kfw_458', bestTotalCents: 3_290_000 });
      expect(stored.ruleVersionIds).toEqual(expect.arrayContaining([seedUuid('fundingPrograms', 'beg_em_bafa:rule:2026-07-21'), seedUuid('fundingPrograms', 'kfw_458:rule:2026-07-21')]));
      state.calculationId = stored.id;
    });
  });

  describe('step 6: quote', () => {
    it('a quote with a 0 % PV line, a 19 % line and an optional line is sent (PDF in German); a second version is accepted with the funding clause', async () => {
      const { consultant } = cast;
      const lines = (heatPumpDiscountCents: number) => [
        { text: { de: 'Photovoltaikanlage 9,6 kWp inkl. Montage', en: 'PV system 9.6 kWp incl. installation' }, quantity: '9.6', unit: 'kwp' as const, unitPriceCents: 150_000, vatCategory: 'zero_pv' as const },
        { text: { de: 'Luft-Wasser-Wärmepumpe 9 kW', en: 'Air-source heat pump 9 kW' }, quantity: '1', unit: 'piece' as const, unitPriceCents: 2_500_000, discountCents: heatPumpDiscountCents, vatCategory: 'standard' as const },
        { text: { de: 'Wallbox 11 kW', en: 'Wall box 11 kW' }, quantity: '1', unit: 'piece' as const, unitPriceCents: 120_000, vatCategory: 'standard' as const, lineType: 'optional' as const },
      ];
      const quote = await unwrap(
        consultant.POST('/api/v1/finance/quotes', {
          params: { header: { 'Idempotency-Key': 'journey-quote' } },
          body: { projectId: state.projectId!, subject: 'Wärmepumpe und Photovoltaik', fundingClause: true, fundingProgramme: 'BEG EM (KfW 458)', lines: lines(0) },
        }),
      );
      state.quoteId = quote.id;
      // PV at 0 % (§12(3) UStG), the heat pump at 19 %, the optional wall box priced but not summed.
      expect(quote).toMatchObject({ contactId: state.contactId, projectId: state.projectId, language: 'de' });
      expect(quote.current).toMatchObject({ totalNetCents: 3_940_000, totalTaxCents: 475_000, totalGrossCents: 4_415_000 });

      const sent = await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/send', { params: { path: { id: quote.id } } }));
      expect(sent).toMatchObject({ status: 'sent', revision: 1 });
      const pdfDocument = await unwrap(consultant.GET('/api/v1/documents/{id}', { params: { path: { id: sent.current!.pdf!.documentId } } }));
      expect(pdfDocument.links).toEqual(expect.arrayContaining([{ type: 'quote', id: quote.id }, { type: 'project', id: state.projectId }]));
      expect(pdfDocument.title.de).toMatch(/^Angebot A-\d{4}-\d{6}/);
      const pdf = await consultant.GET('/api/v1/documents/{id}/content', { params: { path: { id: sent.current!.pdf!.documentId } }, parseAs: 'arrayBuffer' });
      const bytes = Buffer.from(pdf.data as unknown as ArrayBuffer);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent.current!.pdf!.sha256);
      await projectTo('quoted');

      // The customer asks for a better price: version 2, sent, accepted with the funding clause.
      const v2 = await unwrap(
        consultant.PATCH('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id }, header: { 'If-Match': `"${quote.id}:${sent.version}"` } }, body: { lines: lines(100_000) } }),
      );
      expect(v2).toMatchObject({ status: 'draft', revision: 2, totalNetCents: 3_840_000 });
      await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/send', { params: { path: { id: quote.id } } }));
      const accepted = await unwrap(
        consultant.POST('/api/v1/finance/quotes/{id}/accept', { params: { path: { id: quote.id } }, body: { method: 'signed_upload', acceptedBy: 'Petra Hoffmann', withFundingClause: true } }),
      );
      expect(accepted).toMatchObject({ status: 'accepted', revision: 2 });
      const versions = await unwrap(consultant.GET('/api/v1/finance/quotes/{id}/versions', { params: { path: { id: quote.id } } }));
      expect(versions.map((v) => [v.revision, v.status, v.totalNetCents])).toEqual([
        [1, 'superseded', 3_940_000],
        [2, 'accepted', 3_840_000],
      ]);
      await projectTo('contracted');
      await settle();
    });
  });

  describe('step 7: funding application', () => {
    it('the funding application is prepared, submitted (allowed by the clause), approved with an amount and a deadline', async () => {
      const { consultant } = cast;
      // The accepted quote became the project's works contract, with the clause.
      const contracts = await unwrap(consultant.GET('/api/v1/funding/contracts', { params: { query: { projectId: state.projectId! } } }));
      expect(contracts.items).toEqual([expect.objectContaining({ quoteId: state.quoteId, withFundingClause: true })]);

      const scenario = await unwrap(consultant.GET('/api/v1/scenarios/{id}/full', { params: { path: { id: state.scenarioId! } } }));
      const facade = scenario.detail.measures.find((m) => m.kind === 'wall_insulation')!;
      const application = await unwrap(
        consultant.POST('/api/v1/funding/applications', {
          body: {
            projectId: state.projectId!,
            programId: seedUuid('fundingPrograms', 'beg_em_bafa'),
            scenarioId: state.scenarioId!,
            measureIds: [facade.id],
            calculationId: state.calculationId!,
            title: 'BEG EM Fassadendämmung mit iSFP-Bonus',
            requestedAmountCents: 1_050_000,
          },
        }),
      );
      state.applicationId = application.id;
      const move = async (body: Record<string, unknown>) =>
        unwrap(
          consultant.POST('/api/v1/funding/applications/{id}/status', {
            params: { path: { id: application.id }, header: { 'If-Match': await etagOf(consultant.GET('/api/v1/funding/applications/{id}', { params: { path: { id: application.id } } })) } },
            body: body as never,
          }),
        );
      expect(await move({ status: 'prepared' })).toMatchObject({ status: 'prepared' });
      expect(await move({ status: 'submitted', submittedOn: today() })).toMatchObject({ status: 'submitted' });
      await projectTo('funding_applied');
      const deadline = DateTime.now().setZone('Europe/Berlin').plus({ months: 36 }).toISODate()!;
      const approved = await move({ status: 'approved', approvedAmountCents: 1_050_000, approvedOn: today(), implementationDeadline: deadline, proofDeadline: DateTime.fromISO(deadline).plus({ months: 6 }).toISODate() });
      expect(approved).toMatchObject({ status: 'approved', approvedAmountCents: 1_050_000, implementationDeadline: deadline, implementationDeadlineState: 'open' });
      await projectTo('in_execution');
      await settle();
    });
  });

  describe('step 8: invoices and payment', () => {
    it('accounting issues a down-payment invoice, then the final invoice deducting it; the private customer gets PDFs, no e-invoice', async () => {
      const { accountant, admin } = cast;
      // The consultancy's own data for §14 UStG, as the administrator enters it once.
      const settings = await admin.GET('/api/v1/finance/settings');
      await unwrap(
        admin.PATCH('/api/v1/finance/settings', {
          params: { header: { 'If-Match': settings.response.headers.get('etag')! } },
          body: {
            legalName: 'Renewa Energieberatung GmbH',
            address: { street: 'Sonnenstraße 12', postalCode: '34117', city: 'Kassel', countryCode: 'DE' },
            taxNumber: '026/123/45678',
            vatId: 'DE123456789',
            email: 'rechnung@renewa.example',
            iban: 'DE89 3704 0044 0532 0130 00',
            bic: 'COBADEFFXXX',
          },
        }),
      );
      const down = await unwrap(
        accountant.POST('/api/v1/finance/quotes/{id}/invoices', { params: { path: { id: state.quoteId! } }, body: { kind: 'down_payment', percentBasisPoints: 3000, serviceDate: today(), propertyRelated: true } }),
      );
      // 30 % of each rate's net: PV 1,440,000 → 432,000 at 0 %; heat pump 2,400,000 → 720,000 + 19 %.
      expect(down).toMatchObject({ kind: 'down_payment', status: 'draft', netCents: 1_152_000, taxCents: 136_800, grossCents: 1_288_800 });
      const downFinal = await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/finalize', { params: { path: { id: down.id } } }));
      expect(downFinal.number).toMatch(/^RE-\d{4}-000001$/);
      await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/payments', { params: { path: { id: down.id } }, body: { amountCents: 1_288_800, paidOn: downFinal.issueDate!, method: 'bank_transfer', reference: downFinal.number } }));

      const final = await unwrap(accountant.POST('/api/v1/finance/quotes/{id}/invoices', { params: { path: { id: state.quoteId! } }, body: { kind: 'final', serviceDate: today(), propertyRelated: true } }));
      // The wall box was optional: not invoiced. The down payment received is deducted per rate.
      expect(final).toMatchObject({ kind: 'final', netCents: 3_840_000, taxCents: 456_000, grossCents: 4_296_000, prepaidCents: 1_288_800, amountDueCents: 3_007_200 });
      expect(final.deductions).toEqual([expect.objectContaining({ number: downFinal.number, grossCents: 1_288_800 })]);
      const issued = await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/finalize', { params: { path: { id: final.id } } }));
      expect(issued.number).toMatch(/^RE-\d{4}-000002$/);
      expect(issued.legalNotes.map((n) => n.key)).toEqual(expect.arrayContaining(['retention']));
      state.invoiceIds = [down.id, final.id];
      const pdf = await accountant.GET('/api/v1/documents/{id}/content', { params: { path: { id: issued.pdfDocumentId! } }, parseAs: 'arrayBuffer' });
      expect(Buffer.from(pdf.data as unknown as ArrayBuffer).subarray(0, 5).toString()).toBe('%PDF-');
      // The Hoffmanns are private persons: e-invoices (XRechnung, Factur-X) are B2B only.
      const xrechnung = await accountant.GET('/api/v1/finance/invoices/{id}/xrechnung', { params: { path: { id: final.id } }, parseAs: 'text' });
      expect(xrechnung.response.status).toBe(422);
      expect(xrechnung.error).toMatchObject({ code: 'FINANCE_EINVOICE_B2C' });
    });

    it('the payment is recorded: the invoice is paid and the project completes', async () => {
      const { accountant } = cast;
      const [, finalId] = state.invoiceIds!;
      const final = await unwrap(accountant.GET('/api/v1/finance/invoices/{id}', { params: { path: { id: finalId } } }));
      await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/payments', { params: { path: { id: finalId } }, body: { amountCents: final.amountDueCents, paidOn: final.issueDate!, method: 'bank_transfer', reference: final.number! } }));
      expect(await unwrap(accountant.GET('/api/v1/finance/invoices/{id}', { params: { path: { id: finalId } } }))).toMatchObject({ status: 'paid', openCents: 0 });
      expect(await projectTo('completed')).toMatchObject({ status: 'completed' });
      await settle();
    });
  });

  describe('step 9: everything adds up', () => {
    it('keeps an intact audit chain, no dead letters, succeeded workflow runs', async () => {
      await settle();
      const chain = await unwrap(cast.admin.GET('/api/v1/audit-logs/verify'));
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBeGreaterThan(20);
      expect((await unwrap(cast.admin.GET('/api/v1/dead-letters'))).items).toEqual([]);
      for (const workflowId of [state.routingWorkflowId!, state.confirmationWorkflowId!]) {
        const runs = await unwrap(cast.admin.GET('/api/v1/workflow-runs', { params: { query: { workflowId } } }));
        expect(runs.items.map((r) => r.status)).toEqual(['succeeded']);
      }
      const failed = await unwrap(cast.admin.GET('/api/v1/workflow-runs', { params: { query: { status: ['failed'] } } }));
      expect(failed.items).toEqual([]);
    });

    it('shows every step of the project on its timeline, in order', async () => {
      const timeline = await unwrap(cast.consultant.GET('/api/v1/projects/{id}/timeline', { params: { path: { id: state.projectId! }, query: { limit: 200 } } }));
      const chronological = timeline.items.map((i) => i.action).reverse();
      const steps = [
        'projects.project.created',
        'projects.project.status_changed',
        'projects.building_component.created',
        'projects.building_system.created',
        'projects.scenario.created',
        'projects.measure.created',
        'projects.measure.updated',
        'projects.scenario.presented',
      ];
      const positions = steps.map((action) => chronological.indexOf(action));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // new → surveyed by the completed visit, surveyed → scenarios_presented by presenting (same transaction as the
      // presentation), then each milestone of quote, funding and invoices as the consultant recorded it.
      const statuses = timeline.items
        .filter((i) => i.action === 'projects.project.status_changed')
        .map((i) => (i.changes as { status: { after: string } }).status.after)
        .reverse();
      expect(statuses).toEqual(['surveyed', 'scenarios_presented', 'quoted', 'contracted', 'funding_applied', 'in_execution', 'completed']);
      expect(chronological.indexOf('projects.project.status_changed')).toBeLessThan(chronological.indexOf('projects.building_component.created'));
      expect(chronological.lastIndexOf('projects.project.status_changed')).toBeGreaterThan(chronological.lastIndexOf('projects.measure.updated'));
    });

    it('hides all of it from a salesperson of another department', async () => {
      const { otherSales } = cast;
      expect((await otherSales.GET('/api/v1/leads/{id}', { params: { path: { id: state.leadId! } } })).response.status).toBe(404);
      expect((await otherSales.GET('/api/v1/contacts/{id}', { params: { path: { id: state.contactId! } } })).response.status).toBe(404);
      expect((await otherSales.GET('/api/v1/projects/{id}', { params: { path: { id: state.projectId! } } })).response.status).toBe(404);
      expect((await otherSales.GET('/api/v1/scenarios/{id}', { params: { path: { id: state.scenarioId! } } })).response.status).toBe(404);
      expect((await otherSales.GET('/api/v1/document-requests/{id}', { params: { path: { id: state.documentRequestId! } } })).response.status).toBe(404);
      expect((await otherSales.GET('/api/v1/appointments/{id}', { params: { path: { id: state.visitId! } } })).response.status).toBe(404);
      expect((await otherSales.GET('/api/v1/appointments/{id}/ics', { params: { path: { id: state.visitId! } }, parseAs: 'text' })).response.status).toBe(404);
      expect((await unwrap(otherSales.GET('/api/v1/appointments', { params: { query: { leadId: state.leadId! } } }))).items).toEqual([]);
      expect((await otherSales.GET('/api/v1/finance/quotes/{id}', { params: { path: { id: state.quoteId! } } })).response.status).toBe(404);
      expect((await unwrap(otherSales.GET('/api/v1/finance/quotes', { params: { query: { projectId: state.projectId! } } }))).items).toEqual([]);
      for (const id of state.invoiceIds!) {
        expect((await otherSales.GET('/api/v1/finance/invoices/{id}', { params: { path: { id } } })).response.status).toBe(404);
      }
      expect((await unwrap(otherSales.GET('/api/v1/finance/invoices', { params: { query: { projectId: state.projectId! } } }))).items).toEqual([]);
      // Sales may calculate funding but holds no application permission at all: 403 before any lookup.
      expect((await otherSales.GET('/api/v1/funding/applications/{id}', { params: { path: { id: state.applicationId! } } })).response.status).toBe(403);
      expect((await unwrap(otherSales.GET('/api/v1/documents', { params: { query: { linkType: 'project', linkId: state.projectId! } } }))).items).toEqual([]);
      expect((await unwrap(otherSales.GET('/api/v1/leads', { params: { query: { q: 'Hoffmann' } } }))).items).toEqual([]);
      expect((await unwrap(otherSales.GET('/api/v1/contacts', { params: { query: { q: 'Hoffmann' } } }))).items).toEqual([]);
      expect((await unwrap(otherSales.GET('/api/v1/projects', { params: { query: { sourceLeadId: state.leadId! } } }))).items).toEqual([]);
      // …while their own department's colleague does.
      expect((await cast.sales.GET('/api/v1/projects/{id}', { params: { path: { id: state.projectId! } } })).response.status).toBe(200);
    });
  });
});
