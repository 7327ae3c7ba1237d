'use strict';
/** Realistic leads in bulk (bench/crm, bench/api): German names, spread statuses, departments, assignees. */

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Karla', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul', 'Rita', 'Simon', 'Tina', 'Uwe'];
const LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Weiß',
];

/**
 * Adds leads `from`..`to` (1-based numbers; a larger number is an older lead). One statement per
 * call; `search_text` is built like the repositories build it (buildSearchText: lower-case, ß → ss).
 */
async function insertLeads(client, from, to, departments, assignees) {
  await client.query(
    `insert into leads (source, status, status_changed_at, lost_reason, interests, salutation, first_name, last_name, company_name,
                        email, phone, preferred_language, property_street, property_postal_code, property_city, property_country_code,
                        building_type, year_built, living_area_m2, owner_occupied, estimated_value_cents, assignee_id, department_id,
                        search_text, created_at, updated_at, created_by, updated_by)
     select (array['website_form','phone','email','referral','partner','campaign','event','other'])[1 + g % 8]::lead_source,
            st.status::lead_status, ts, case when st.status = 'lost' then 'no_budget'::lead_lost_reason end,
            (array['{heat_pump}','{insulation,windows}','{photovoltaics}','{energy_consulting}','{heat_pump,photovoltaics}'])[1 + g % 5]::lead_interest[],
            (array['mr','ms','mx'])[1 + g % 3]::crm_salutation, n.first, n.last,
            case when g % 5 = 0 then n.last || ' Immobilien GmbH' end,
            n.mail, '+4930' || lpad(g::text, 8, '0'), 'de',
            'Hauptstraße ' || (g % 200 + 1), lpad((10000 + g % 89999)::text, 5, '0'), 'Berlin', 'DE',
            (array['single_family','semi_detached','terraced','multi_family','apartment'])[1 + g % 5]::building_type,
            1900 + g % 120, 60 + g % 200, g % 3 <> 0, (g % 50) * 100000,
            ($4::uuid[])[1 + abs(hashint4(g + 7)) % array_length($4::uuid[], 1)], ($3::uuid[])[1 + abs(hashint4(g + 3)) % array_length($3::uuid[], 1)],
            replace(lower(concat_ws(' ', n.first, n.last, case when g % 5 = 0 then n.last || ' Immobilien GmbH' end, n.mail)), 'ß', 'ss')
              || ' 4930' || lpad(g::text, 8, '0'),
            ts, ts, $5::uuid, $5::uuid
       from generate_series($1::int, $2::int) g
      cross join lateral (select now() - g * interval '31 seconds' as ts) t
      cross join lateral (select (array['new','new','new','contacted','contacted','qualified','qualified','converted','lost','lost'])[1 + abs(hashint4(g)) % 10] as status) st
      cross join lateral (
        select f.first, l.last, lower(f.first) || '.' || translate(lower(l.last), 'äöüß', 'aous') || '.' || g || '@example.org' as mail
          from (select ($6::text[])[1 + g % 20] as first) f, (select ($7::text[])[1 + (g / 20) % 40] as last) l
      ) n`,
    [from, to, departments, assignees, assignees[0], FIRST, LAST],
  );
}

module.exports = { FIRST, LAST, insertLeads };
