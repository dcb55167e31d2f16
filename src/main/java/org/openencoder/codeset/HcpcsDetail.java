package org.openencoder.codeset;

import java.time.LocalDate;
import java.util.List;

/**
 * The CMS alpha-numeric HCPCS file's record of one code or modifier, as stored with it. Field
 * meanings follow the CMS record layout (HCPC20xx_recordlayout.txt).
 */
public record HcpcsDetail(
    List<String> pricingIndicators,
    String multiplePricingIndicator,
    List<String> cimReferences,
    List<String> mcmReferences,
    String statute,
    List<String> labCertifications,
    List<String> crossReferences,
    String coverage,
    String ascGroup,
    LocalDate ascEffectiveDate,
    String procedureNote,
    String betos,
    List<String> typesOfService,
    String anesthesiaBaseUnits,
    LocalDate addDate,
    LocalDate actionEffectiveDate,
    LocalDate terminationDate,
    String actionCode) {}
