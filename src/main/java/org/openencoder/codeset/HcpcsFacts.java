package org.openencoder.codeset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openencoder.codeset.CodeFactSource.Citation;
import org.openencoder.codeset.CodeFactSource.Fact;
import org.openencoder.codeset.CodeFactSource.FactSection;

/** The HCPCS record of a code as facts, with code values spelled out per the CMS record layout. */
final class HcpcsFacts {

  // HCPC2025_recordlayout.txt, field 16 "HCPCS Coverage Code".
  private static final Map<String, String> COVERAGE =
      Map.of(
          "C", "Carrier judgment",
          "D", "Special coverage instructions apply",
          "I", "Not payable by Medicare",
          "M", "Non-covered by Medicare",
          "S", "Non-covered by Medicare statute");

  // Field 30 "HCPCS Action Code".
  private static final Map<String, String> ACTION =
      Map.ofEntries(
          Map.entry("A", "Add procedure or modifier code"),
          Map.entry("B", "Change in both administrative data field and long description"),
          Map.entry("C", "Change in long description"),
          Map.entry("D", "Discontinue procedure or modifier code"),
          Map.entry("F", "Change in administrative data field"),
          Map.entry("N", "No maintenance for this code"),
          Map.entry("P", "Payment change"),
          Map.entry("R", "Re-activate discontinued/deleted code"),
          Map.entry("S", "Change in short description"),
          Map.entry("T", "Miscellaneous change (BETOS, type of service)"));

  private HcpcsFacts() {}

  static FactSection section(HcpcsDetail d, Citation citation) {
    List<Fact> facts = new ArrayList<>();
    add(facts, "Coverage code", coded(d.coverage(), COVERAGE));
    add(facts, "Pricing indicators", String.join(", ", d.pricingIndicators()));
    add(facts, "Multiple pricing indicator", d.multiplePricingIndicator());
    add(facts, "BETOS", d.betos());
    add(facts, "Type of service", String.join(", ", d.typesOfService()));
    add(facts, "Added", d.addDate() == null ? null : d.addDate().toString());
    add(
        facts,
        "Action effective",
        d.actionEffectiveDate() == null ? null : d.actionEffectiveDate().toString());
    add(facts, "Action", coded(d.actionCode(), ACTION));
    add(facts, "Terminated", d.terminationDate() == null ? null : d.terminationDate().toString());
    for (String xref : d.crossReferences()) {
      facts.add(new Fact("Cross-reference", xref, CodeSystem.HCPCS.slug(), xref));
    }
    add(facts, "ASC payment group", d.ascGroup());
    add(facts, "Lab certification", String.join(", ", d.labCertifications()));
    add(facts, "Coverage Issues Manual", String.join(", ", d.cimReferences()));
    add(facts, "Medicare Carriers Manual", String.join(", ", d.mcmReferences()));
    add(facts, "Statute", d.statute());
    add(facts, "Anesthesia base units", d.anesthesiaBaseUnits());
    add(facts, "Procedure note", d.procedureNote());
    return new FactSection("HCPCS record", facts, citation, null);
  }

  private static String coded(String value, Map<String, String> meanings) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String meaning = meanings.get(value);
    return meaning == null ? value : value + " = " + meaning;
  }

  private static void add(List<Fact> facts, String label, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(Fact.of(label, value));
    }
  }
}
