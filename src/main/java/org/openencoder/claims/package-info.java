/**
 * Checks a claim's codes against the edits in force on its dates of service (code validity, NCCI
 * PTP, MUE, add-on codes, ICD-10-CM Excludes1, Medicare Code Editor), each finding cited.
 */
package org.openencoder.claims;
