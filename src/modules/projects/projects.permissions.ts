import { definePermissions } from '@libs/auth';

/**
 * The Projects context's permissions; registered in src/permissions.catalogue.ts. Projects carry
 * the scope of everything in them: `own` = projects the user owns or created (and their buildings,
 * components, plant, scenarios and measures), `department` = their department's projects (and
 * their own), `all`. `:delete` covers soft delete, restore and listing deleted rows.
 * Materials and reference data are catalogues: every holder of the permission sees all of them.
 */
export const projectsPermissions = definePermissions('projects', {
  'projects.projects:read': { de: 'Projekte und ihre Zeitleiste ansehen und exportieren', en: 'View and export projects and their timeline' },
  'projects.projects:create': { de: 'Projekte anlegen', en: 'Create projects' },
  'projects.projects:update': { de: 'Projekte bearbeiten und ihren Status ändern', en: 'Edit projects and change their status' },
  'projects.projects:delete': { de: 'Projekte löschen und wiederherstellen', en: 'Delete and restore projects' },
  'projects.buildings:read': { de: 'Gebäude, Bauteile und Anlagentechnik ansehen', en: 'View buildings, components and plant' },
  'projects.buildings:create': { de: 'Gebäude, Bauteile und Anlagentechnik erfassen', en: 'Record buildings, components and plant' },
  'projects.buildings:update': { de: 'Gebäude, Bauteile und Anlagentechnik bearbeiten', en: 'Edit buildings, components and plant' },
  'projects.buildings:delete': { de: 'Gebäude, Bauteile und Anlagentechnik löschen und wiederherstellen', en: 'Delete and restore buildings, components and plant' },
  'projects.scenarios:read': { de: 'Sanierungsszenarien, Maßnahmen und Prüfergebnisse ansehen', en: 'View renovation scenarios, measures and check results' },
  'projects.scenarios:create': { de: 'Szenarien und Maßnahmen anlegen und Szenarien kopieren', en: 'Create scenarios and measures and copy scenarios' },
  'projects.scenarios:update': { de: 'Szenarien und Maßnahmen im Entwurf bearbeiten', en: 'Edit draft scenarios and their measures' },
  'projects.scenarios:delete': { de: 'Szenarien und Maßnahmen löschen und wiederherstellen', en: 'Delete and restore scenarios and measures' },
  'projects.scenarios:present': { de: 'Szenarien präsentieren (einfrieren), annehmen und ablehnen', en: 'Present (freeze), accept and reject scenarios' },
  'projects.materials:read': { de: 'Baustoffkatalog ansehen', en: 'View the building-material catalogue' },
  'projects.materials:create': { de: 'Baustoffe zum Katalog hinzufügen', en: 'Add building materials to the catalogue' },
  'projects.materials:update': { de: 'Eigene Baustoffe des Katalogs bearbeiten', en: 'Edit added building materials' },
  'projects.materials:delete': { de: 'Eigene Baustoffe des Katalogs löschen und wiederherstellen', en: 'Delete and restore added building materials' },
  'projects.reference-data:read': { de: 'Anforderungswerte (GEG, BEG) und Rechenverfahren ansehen', en: 'View requirement values (GEG, BEG) and calculation methods' },
});

export type ProjectsPermission = (typeof projectsPermissions.keys)[number];
