/**
 * Focal Desk's own vCard extensions (RFC 6350 §6.10 x-names), written by the export so a re-import restores every
 * field a contact has that vCard has no property for, and read back by the import.
 */

/** Roles in the network, comma-separated (`focal-point,alternate`). */
export const ROLES_PROPERTY = 'x-focal-desk-roles';
/** Date of appointment as focal point (YYYY-MM-DD). */
export const APPOINTED_PROPERTY = 'x-focal-desk-appointed';
/** ISO 3166-1 alpha-2 code of the contact's country (the ADR holds its name, for other address books). */
export const COUNTRY_PROPERTY = 'x-focal-desk-country';
/**
 * On TEL: the number as typed ("+45 33 92 00 00"), since a tel: URI (RFC 3966) cannot hold spaces or `/`. Read back
 * only while its digits are still the URI's, so an edit elsewhere is not undone.
 */
export const FOCAL_DESK_TEXT_PARAM = 'x-focal-desk-text';
/** UID of an exported contact: this prefix and the contact's id. */
export const UID_PREFIX = 'urn:focal-desk:';
