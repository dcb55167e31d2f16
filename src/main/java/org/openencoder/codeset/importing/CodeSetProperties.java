package org.openencoder.codeset.importing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Code-set import settings, under {@code openencoder.codeset}.
 *
 * @param importOnStart import new releases on start (tests of a single reader turn it off)
 * @param cptLicenceAccepted the operator holds an AMA CPT licence: CPT descriptors may be stored
 *     and shown (from the licensed data file, and the CMS RVU short descriptors)
 * @param cptDescriptorFile the licensed AMA CPT data file (LONGULT.TXT layout) to import
 *     descriptors from, if any
 * @param cptDescriptorYear the CPT year of that file: its descriptors are in force for the calendar
 *     year
 */
@ConfigurationProperties("openencoder.codeset")
record CodeSetProperties(
    @DefaultValue("true") boolean importOnStart,
    @DefaultValue("false") boolean cptLicenceAccepted,
    Path cptDescriptorFile,
    @DefaultValue("2026") int cptDescriptorYear) {}
