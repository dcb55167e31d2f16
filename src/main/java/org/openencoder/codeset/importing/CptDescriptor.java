package org.openencoder.codeset.importing;

/**
 * One CPT code with one of its AMA descriptors (long, medium or short, depending on the file), as a
 * licensee imports it. CPT descriptors are copyrighted by the AMA: they are stored and shown only
 * when the operator has a CPT licence and turned the import on.
 *
 * @param line the text line, 1-based
 */
record CptDescriptor(String code, String descriptor, long line) {}
