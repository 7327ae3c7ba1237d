import type { StoredAction } from '../../modules/automation/workflows/workflow-definition';
import { formVersions, forms, workflows } from '../schema';
import { Seed, seedUuid } from './seed-utils';

const LEAD_FORM_ID = seedUuid('automation', 'form:energieberatung-anfragen');
const label = (de: string, en: string) => ({ de, en });

const LEAD_FORM = {
  kind: 'lead' as const,
  fields: [
    {
      key: 'salutation', type: 'select' as const, label: label('Anrede', 'Salutation'), required: false, leadField: 'salutation' as const,
      options: [{ value: 'ms', label: label('Frau', 'Ms') }, { value: 'mr', label: label('Herr', 'Mr') }, { value: 'mx', label: label('Keine Angabe', 'Not specified') }],
    },
    { key: 'firstName', type: 'text' as const, label: label('Vorname', 'First name'), required: false, max: 100, leadField: 'firstName' as const },
    { key: 'lastName', type: 'text' as const, label: label('Nachname', 'Last name'), required: true, max: 100, leadField: 'lastName' as const },
    { key: 'email', type: 'email' as const, label: label('E-Mail-Adresse', 'E-mail address'), required: true, leadField: 'email' as const },
    { key: 'phone', type: 'phone' as const, label: label('Telefon', 'Phone'), required: false, leadField: 'phone' as const,
      help: label('Für Rückfragen zu Ihrem Gebäude', 'For questions about your building') },
    { key: 'postcode', type: 'postcode' as const, label: label('PLZ des Gebäudes', 'Postcode of the building'), required: true, leadField: 'propertyPostalCode' as const },
    {
      key: 'buildingType', type: 'select' as const, label: label('Gebäudeart', 'Type of building'), required: false, leadField: 'buildingType' as const,
      options: [
        { value: 'single_family', label: label('Einfamilienhaus', 'Detached house') },
        { value: 'semi_detached', label: label('Doppelhaushälfte', 'Semi-detached house') },
        { value: 'terraced', label: label('Reihenhaus', 'Terraced house') },
        { value: 'multi_family', label: label('Mehrfamilienhaus', 'Apartment building') },
      ],
    },
    { key: 'yearBuilt', type: 'number' as const, label: label('Baujahr', 'Year built'), required: false, min: 1500, max: 2100, leadField: 'yearBuilt' as const },
    {
      key: 'interests', type: 'multi_select' as const, label: label('Worum geht es?', 'What is it about?'), required: false, leadField: 'interests' as const,
      options: [
        { value: 'energy_consulting', label: label('Energieberatung / iSFP', 'Energy consulting / iSFP') },
        { value: 'heat_pump', label: label('Wärmepumpe', 'Heat pump') },
        { value: 'insulation', label: label('Dämmung', 'Insulation') },
        { value: 'windows', label: label('Fenster', 'Windows') },
        { value: 'photovoltaics', label: label('Photovoltaik', 'Photovoltaics') },
      ],
    },
    { key: 'message', type: 'text' as const, label: label('Ihre Nachricht', 'Your message'), required: false, max: 2000, leadField: 'message' as const },
    { key: 'privacy', type: 'consent' as const, label: label('Einwilligung Datenschutz', 'Privacy consent'), required: true },
  ],
  consent: {
    version: '2026-12',
    text: label(
      'Ich willige ein, dass Renewa meine Angaben zur Bearbeitung meiner Anfrage speichert und verarbeitet. Die Einwilligung kann ich jederzeit per E-Mail widerrufen.',
      'I consent to Renewa storing and processing my details to handle my enquiry. I can withdraw this consent at any time by e-mail.',
    ),
  },
  confirmation: label(
    'Vielen Dank für Ihre Anfrage! Wir melden uns innerhalb von zwei Werktagen bei Ihnen.',
    'Thank you for your enquiry! We will be in touch within two working days.',
  ),
  settings: { minFillSeconds: 3, honeypotField: 'website', maxPerIpPerHour: 20, maxPerFormPerHour: 500 },
};

const CONFIRMATION_MAIL: StoredAction = {
  type: 'send_email',
  recipient: { kind: 'lead', path: 'payload.leadId' },
  template: {
    subject: label('Ihre Anfrage zur Energieberatung', 'Your energy consulting enquiry'),
    body: label(
      'Guten Tag {{ recipient.name }},\n\nvielen Dank für Ihre Anfrage. Eine Energieberaterin oder ein Energieberater meldet sich innerhalb von zwei Werktagen bei Ihnen.\n\nFreundliche Grüße\nIhr Renewa-Team',
      'Hello {{ recipient.name }},\n\nthank you for your enquiry. One of our energy consultants will be in touch within two working days.\n\nKind regards\nThe Renewa team',
    ),
  },
};

const WORKFLOWS = [
  {
    key: 'lead-confirmation',
    name: label('Eingangsbestätigung für Website-Anfragen', 'Confirmation of website enquiries'),
    description: 'Mails every new lead from a web form a confirmation in their language.',
    triggerEventType: 'automation.form.submitted',
    conditions: [{ path: 'payload.leadCreated', op: 'eq' as const, value: true }],
    actions: [CONFIRMATION_MAIL],
  },
  {
    key: 'appointment-reminder',
    name: label('Terminerinnerung zwei Tage vorher', 'Appointment reminder two days ahead'),
    description: 'Reminds the customer of a booked on-site visit two days before it (reads payload.startsAt and payload.contactId of the scheduling event).',
    triggerEventType: 'scheduling.appointment.booked',
    conditions: [],
    actions: [
      { type: 'wait' as const, untilPath: 'payload.startsAt', offsetSeconds: -2 * 86_400 },
      {
        type: 'send_email' as const,
        recipient: { kind: 'contact' as const, path: 'payload.contactId' },
        template: {
          subject: label('Erinnerung: Ihr Vor-Ort-Termin', 'Reminder: your on-site visit'),
          body: label(
            'Guten Tag {{ recipient.name }},\n\nwir erinnern Sie an Ihren Termin am {{ event.payload.startsAt | date: "%d.%m.%Y um %H:%M" }} Uhr.\n\nIhr Renewa-Team',
            'Hello {{ recipient.name }},\n\nthis is a reminder of your appointment on {{ event.payload.startsAt | date: "%Y-%m-%d at %H:%M" }}.\n\nThe Renewa team',
          ),
        },
      },
    ],
  },
  {
    key: 'funding-deadline-reminder',
    name: label('Erinnerung an Förderfristen', 'Funding deadline reminder'),
    description: 'When the daily funding check reports an approaching implementation or proof deadline (payload.deadline), waits until two weeks before it and reminds the application’s owner.',
    triggerEventType: 'funding.application.deadline_approaching',
    conditions: [],
    actions: [
      { type: 'wait' as const, untilPath: 'payload.deadline', offsetSeconds: -14 * 86_400 },
      {
        type: 'send_email' as const,
        recipient: { kind: 'assignee' as const, path: 'payload.ownerId' },
        template: {
          subject: label('Förderfrist läuft in zwei Wochen ab', 'Funding deadline in two weeks'),
          body: label(
            'Die Frist des Förderantrags {{ event.aggregateId }} endet am {{ event.payload.deadline | date: "%d.%m.%Y" }}.',
            'The deadline of funding application {{ event.aggregateId }} is {{ event.payload.deadline | date: "%Y-%m-%d" }}.',
          ),
        },
      },
    ],
  },
];

/** The "Energieberatung anfragen" lead form and three example workflows, all workflows disabled. */
export const automationSeed: Seed = {
  key: 'automation.lead-form-and-example-workflows',
  description: 'lead form "Energieberatung anfragen" and example workflows (lead confirmation, appointment reminder, funding deadline reminder), disabled',
  run: async ({ db }) => {
    await db
      .insert(forms)
      .values({ id: LEAD_FORM_ID, slug: 'energieberatung-anfragen', name: label('Energieberatung anfragen', 'Request energy consulting'), ...LEAD_FORM, enabled: true })
      .onConflictDoNothing();
    await db.insert(formVersions).values({ formId: LEAD_FORM_ID, version: 1, definition: LEAD_FORM }).onConflictDoNothing();
    await db
      .insert(workflows)
      .values(WORKFLOWS.map(({ key, ...workflow }) => ({ id: seedUuid('automation', `workflow:${key}`), ...workflow, enabled: false })))
      .onConflictDoNothing();
  },
};
