package org.openencoder.codeset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The codes of one active release, in the official file's order, held in memory. */
public final class CodeCatalog {

  private final Release release;
  private final Map<String, CodeEntry> byCode;
  private final Map<String, List<CodeEntry>> children;
  private final List<CodeEntry> roots;
  private final List<String> sortedCodes;

  CodeCatalog(Release release, List<CodeEntry> entries) {
    this.release = release;
    this.byCode = new LinkedHashMap<>(entries.size() * 2);
    this.children = new HashMap<>();
    List<CodeEntry> top = new ArrayList<>();
    for (CodeEntry entry : entries) {
      byCode.put(entry.code(), entry);
      if (entry.parent() == null) {
        top.add(entry);
      } else {
        children.computeIfAbsent(entry.parent(), k -> new ArrayList<>()).add(entry);
      }
    }
    this.roots = List.copyOf(top);
    List<String> codes = new ArrayList<>(byCode.keySet());
    Collections.sort(codes);
    this.sortedCodes = codes;
  }

  public Release release() {
    return release;
  }

  public Optional<CodeEntry> get(String normalizedCode) {
    return Optional.ofNullable(byCode.get(normalizedCode));
  }

  public int size() {
    return byCode.size();
  }

  public Collection<CodeEntry> entries() {
    return Collections.unmodifiableCollection(byCode.values());
  }

  public List<CodeEntry> roots() {
    return roots;
  }

  public List<CodeEntry> children(String code) {
    return children.getOrDefault(code, List.of());
  }

  /** From the top of the hierarchy down to the code's parent. */
  public List<CodeEntry> ancestors(String code) {
    List<CodeEntry> path = new ArrayList<>();
    CodeEntry entry = byCode.get(code);
    while (entry != null && entry.parent() != null) {
      entry = byCode.get(entry.parent());
      if (entry != null) {
        path.add(0, entry);
      }
    }
    return path;
  }

  /** Codes in code order from {@code fromInclusive} up to (not including) {@code toExclusive}. */
  public List<CodeEntry> range(String fromInclusive, String toExclusive, int limit) {
    int start = Collections.binarySearch(sortedCodes, fromInclusive);
    if (start < 0) {
      start = -start - 1;
    }
    List<CodeEntry> result = new ArrayList<>();
    for (int i = start; i < sortedCodes.size() && result.size() < limit; i++) {
      String code = sortedCodes.get(i);
      if (toExclusive != null && code.compareTo(toExclusive) >= 0) {
        break;
      }
      result.add(byCode.get(code));
    }
    return result;
  }

  /**
   * Listed codes nearest to one that is not: those sharing its longest listed prefix first, then
   * those sharing shorter prefixes, so that E11.99 suggests E11.9 and then the other E11 codes, and
   * a mistyped 7th character suggests the listed ones.
   */
  public List<CodeEntry> nearest(String code, int limit) {
    LinkedHashMap<String, CodeEntry> found = new LinkedHashMap<>();
    for (int length = Math.min(code.length(), 7);
        length >= 1 && found.size() < limit / 2;
        length--) {
      String prefix = code.substring(0, length);
      for (CodeEntry entry : range(prefix, prefix + Character.MAX_VALUE, limit)) {
        if (found.size() < limit) {
          found.putIfAbsent(entry.code(), entry);
        }
      }
    }
    return List.copyOf(found.values());
  }
}
