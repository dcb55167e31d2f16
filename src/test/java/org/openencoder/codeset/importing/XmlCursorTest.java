package org.openencoder.codeset.importing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlCursorTest {

  @Test
  void refusesADoctypeEvenOneThatOnlyDeclaresAnEntity() {
    String xml =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE ICD10CM.index [<!ENTITY e "boom">]>
        <ICD10CM.index>
          <version>2025</version>
        </ICD10CM.index>
        """;
    XmlCursor cursor =
        new XmlCursor(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "snippet.xml");

    assertThatThrownBy(() -> cursor.root("ICD10CM.index"))
        .hasMessage("snippet.xml, line 2: a DOCTYPE, which no release file has");
  }
}
