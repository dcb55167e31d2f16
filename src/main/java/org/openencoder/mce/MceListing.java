package org.openencoder.mce;

import java.util.Objects;

/**
 * One code on one MCE list, cited to its line.
 *
 * @param code the ICD-10-CM or ICD-10-PCS code without its dot, as the file prints it
 * @param description the file's abbreviated title of the code
 * @param file the definitions file it comes from
 * @param line the text line, 1-based
 */
public record MceListing(MceList list, String code, String description, String file, long line) {

  public MceListing {
    Objects.requireNonNull(list);
    Objects.requireNonNull(code);
  }
}
