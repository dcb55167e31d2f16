package org.openencoder.ncci.importing;

/**
 * One row of a Medicare NCCI Medically Unlikely Edit (MUE) table: the most units of a HCPCS/CPT
 * code that one provider reports for one beneficiary on one date of service, under most
 * circumstances.
 *
 * @param code the HCPCS or CPT code
 * @param mueValue the unit limit; 0 means the code is not payable in this setting
 * @param adjudicationIndicator the MUE Adjudication Indicator (MAI): 1 = line edit (per claim line,
 *     can be bypassed with a modifier on another line), 2 = date of service edit set by policy
 *     (absolute), 3 = date of service edit set on clinical grounds (can be appealed)
 * @param adjudicationText the words after the MAI digit, e.g. "Date of Service Edit: Policy"
 * @param rationale why CMS set the value, e.g. "Anatomic Consideration" or "CMS Policy"
 * @param line the text line the row starts on, 1-based
 */
record MueEntry(
    String code,
    int mueValue,
    int adjudicationIndicator,
    String adjudicationText,
    String rationale,
    long line) {}
