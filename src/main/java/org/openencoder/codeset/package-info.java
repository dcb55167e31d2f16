/**
 * Official code-set releases (ICD-10-CM, ICD-10-PCS, HCPCS Level II, CPT numbers) with their
 * effective dates and provenance, and the lookups that answer with the release in force on a date
 * of service.
 */
package org.openencoder.codeset;
