package org.openencoder.codeset.importing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of the CMS National Physician Fee Schedule Relative Value File (PPRRVU): a HCPCS code,
 * or a code with modifier 26, TC or 53, with its RVUs and payment policy indicators. Names and
 * meanings follow the record layout in {@code RVU<yy><r>.pdf}, where Attachment A defines the
 * indicator values.
 *
 * <p>The description is the AMA short descriptor for CPT codes: it may be stored and shown only as
 * the CPT licence allows.
 *
 * @param modifier 26 (professional component), TC (technical component), 53 (discontinued), or null
 *     for the global service
 * @param statusCode A active, B bundled, C carrier priced, E excluded, I not valid for Medicare, J
 *     anesthesia, M measurement, N non-covered, P bundled/excluded, R restricted, T injections, X
 *     statutory exclusion. Only A, R and T RVUs are used for payment
 * @param notUsedForMedicarePayment the "+" of column "NOT USED FOR MEDICARE PAYMENT": the RVUs are
 *     shown but Medicare does not pay with them
 * @param nonFacilityNotApplicable "NA": rarely or never performed in the non-facility setting
 * @param facilityNotApplicable "NA": rarely or never performed in the facility setting
 * @param pctcIndicator professional/technical component indicator, 0 to 9
 * @param globalDays 000, 010, 090, MMM, XXX, YYY or ZZZ
 * @param preOp the share of the global package before the procedure, e.g. 0.10
 * @param intraOp the share during the procedure, e.g. 0.80
 * @param postOp the share after discharge, e.g. 0.10
 * @param multipleProcedure modifier 51 rule, 0 to 7 or 9
 * @param bilateralSurgery modifier 50 rule, 0 to 3 or 9
 * @param assistantSurgery 0 to 2 or 9
 * @param coSurgeons modifier 62, 0 to 2 or 9
 * @param teamSurgery modifier 66, 0 to 2 or 9
 * @param pricingIndicator 1 = QPP indicator applies, 9 = not applicable; the column exists from
 *     RVU26 (2026) on and is null in older files
 * @param endoscopicBase the endoscopic base code, for multiple procedure indicator 3
 * @param physicianSupervision supervision of diagnostic procedures, e.g. 01 general, 02 direct, 09
 *     not applicable
 * @param calculationFlag "0" for all codes since July 2014
 * @param diagnosticImagingFamily 88 = subject to the imaging reductions, 99 = not applicable
 * @param nonFacilityPeOpps non-facility PE RVU used for the OPPS payment cap
 * @param facilityPeOpps facility PE RVU used for the OPPS payment cap
 * @param mpOpps malpractice RVU used for the OPPS payment cap
 * @param line the text line of the record, 1-based
 */
record RvuRecord(
    String hcpcs,
    @Nullable String modifier,
    String description,
    String statusCode,
    boolean notUsedForMedicarePayment,
    BigDecimal workRvu,
    BigDecimal nonFacilityPeRvu,
    boolean nonFacilityNotApplicable,
    BigDecimal facilityPeRvu,
    boolean facilityNotApplicable,
    BigDecimal mpRvu,
    BigDecimal nonFacilityTotal,
    BigDecimal facilityTotal,
    String pctcIndicator,
    String globalDays,
    BigDecimal preOp,
    BigDecimal intraOp,
    BigDecimal postOp,
    String multipleProcedure,
    String bilateralSurgery,
    String assistantSurgery,
    String coSurgeons,
    String teamSurgery,
    @Nullable String pricingIndicator,
    @Nullable String endoscopicBase,
    BigDecimal conversionFactor,
    String physicianSupervision,
    String calculationFlag,
    String diagnosticImagingFamily,
    BigDecimal nonFacilityPeOpps,
    BigDecimal facilityPeOpps,
    BigDecimal mpOpps,
    long line) {}
