package org.openencoder.codeset.importing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One HCPCS Level II procedure code or modifier of the CMS alpha-numeric (ANWEB) file, with its
 * long description joined from all its lines. Field names follow the CMS record layout ({@code
 * HCPC<year>_recordlayout.txt}, "HCPCS Contractor Record"); the field numbers there are given in
 * brackets. Lists hold the non-blank occurrences of a repeated field, in file order.
 *
 * @param code the procedure code (5 characters, [1]) or the modifier (2 characters, [4])
 * @param modifier true for a modifier record (record identification code 7)
 * @param longDescription [7], all lines joined, runs of spaces collapsed to one
 * @param shortDescription [8], at most 28 characters
 * @param pricingIndicators [9] PRICE1..4, e.g. 32 = inexpensive and routinely purchased DME
 * @param multiplePricingIndicator [10] MULT_PI, e.g. A = priced under one methodology
 * @param cimReferences [11] Coverage Issues Manual sections (CIM1..3)
 * @param mcmReferences [12] Medicare Carriers Manual sections (MCM1..3)
 * @param statute [13] statute reference for coverage or non-coverage
 * @param labCertifications [14] LABCERT1..8, e.g. 310 = routine chemistry
 * @param crossReferences [15] XREF1..5, codes to use instead of a deleted or invalid one
 * @param coverage [16] C carrier judgment, D special coverage instructions, I not payable by
 *     Medicare, M non-covered by Medicare, S non-covered by Medicare statute
 * @param ascGroup [17] "YY" when approved for an ambulatory surgical center
 * @param ascEffectiveDate [18]
 * @param processingNote [22] number of the processing note in the HCPCS manual
 * @param betos [23] Berenson-Eggers type of service, e.g. D1E = other DME
 * @param typesOfService [25] TOS1..5, e.g. P = lump-sum purchase of DME, R = rental
 * @param anesthesiaBaseUnits [26]; absent on modifiers
 * @param addDate [27] when the code entered HCPCS
 * @param actionEffectiveDate [28] when the last action took effect; blank for some codes in the
 *     spreadsheet form (the text form always has it)
 * @param terminationDate [29] last date Medicare providers may use the code; null while active
 * @param actionCode [30] A add, B/C/F/P/S/T changes, D discontinue, N no maintenance, R reactivate
 * @param line the text line (or spreadsheet row) of the record's first line, 1-based
 */
record HcpcsRecord(
    String code,
    boolean modifier,
    String longDescription,
    String shortDescription,
    List<String> pricingIndicators,
    @Nullable String multiplePricingIndicator,
    List<String> cimReferences,
    List<String> mcmReferences,
    @Nullable String statute,
    List<String> labCertifications,
    List<String> crossReferences,
    @Nullable String coverage,
    @Nullable String ascGroup,
    @Nullable LocalDate ascEffectiveDate,
    @Nullable String processingNote,
    @Nullable String betos,
    List<String> typesOfService,
    @Nullable Integer anesthesiaBaseUnits,
    LocalDate addDate,
    @Nullable LocalDate actionEffectiveDate,
    @Nullable LocalDate terminationDate,
    String actionCode,
    long line) {

  HcpcsRecord {
    pricingIndicators = List.copyOf(pricingIndicators);
    cimReferences = List.copyOf(cimReferences);
    mcmReferences = List.copyOf(mcmReferences);
    labCertifications = List.copyOf(labCertifications);
    crossReferences = List.copyOf(crossReferences);
    typesOfService = List.copyOf(typesOfService);
  }

  /** True while the code may be used: it has no termination date. */
  boolean active() {
    return terminationDate == null;
  }

  /** This record with more long-description text, from a continuation line (id 4 or 8). */
  HcpcsRecord withMoreDescription(String text) {
    return new HcpcsRecord(
        code,
        modifier,
        HcpcsAlphaNumericTextReader.description(longDescription + " " + text),
        shortDescription,
        pricingIndicators,
        multiplePricingIndicator,
        cimReferences,
        mcmReferences,
        statute,
        labCertifications,
        crossReferences,
        coverage,
        ascGroup,
        ascEffectiveDate,
        processingNote,
        betos,
        typesOfService,
        anesthesiaBaseUnits,
        addDate,
        actionEffectiveDate,
        terminationDate,
        actionCode,
        line);
  }
}
