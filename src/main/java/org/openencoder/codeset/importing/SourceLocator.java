package org.openencoder.codeset.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.openencoder.codeset.LocatedFile;
import org.openencoder.codeset.SourceFile;
import org.openencoder.codeset.SourceFile.Location;
import org.openencoder.platform.OpenEncoderProperties;
import org.springframework.stereotype.Component;

/**
 * Finds a release's official files: in the mirror when {@code OPENENCODER_MIRROR} is set, else in
 * the download folder, downloading from the official URL when the file is not there yet. Every file
 * is checked against its known sha256 before anything reads it.
 */
@Component
class SourceLocator {

  private static final int ATTEMPTS = 3;

  private final OpenEncoderProperties properties;
  private final FileDigests digests;
  private final HttpClient http;

  /**
   * Downloads that failed since start-up, by URL: five files of a release can live in one zip, and
   * an offline node should say so once, not try the same URL fifteen times.
   */
  private final Map<String, String> failedDownloads = new ConcurrentHashMap<>();

  SourceLocator(OpenEncoderProperties properties) {
    this.properties = properties;
    this.digests = new FileDigests(properties.home());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The downloads that failed in this run, by URL, with what to do about each. */
  Map<String, String> failedDownloads() {
    return Map.copyOf(failedDownloads);
  }

  /** Where files are read from, for messages. */
  String origin() {
    return properties.mirror() != null
        ? "mirror " + properties.mirror().toAbsolutePath().normalize()
        : "download folder " + properties.downloads().toAbsolutePath().normalize();
  }

  Result locate(SourceFile file, Consumer<String> progress) {
    Path root = properties.mirror() != null ? properties.mirror() : properties.downloads();
    String lastProblem = null;
    for (Location location : file.locations()) {
      Path path = root.resolve(location.path());
      if (!Files.isRegularFile(path)) {
        continue;
      }
      Result found = verify(file, location, path);
      if (found.file() != null) {
        return found;
      }
      lastProblem = found.problem();
    }
    if (lastProblem != null) {
      return Result.missing(lastProblem);
    }
    Location official = file.official();
    if (properties.mirror() != null) {
      return Result.missing(
          "not in the mirror: put "
              + official.path()
              + " (from "
              + file.officialUrl()
              + ") under "
              + properties.mirror().toAbsolutePath().normalize());
    }
    if (!file.direct()) {
      return Result.missing(
          "no direct download: get it from "
              + file.officialUrl()
              + " and put it at "
              + root.resolve(official.path()).toAbsolutePath().normalize());
    }
    String failure =
        failedDownloads.computeIfAbsent(
            file.officialUrl(),
            url -> {
              String problem = download(file, root.resolve(official.path()), progress);
              return problem == null ? "" : problem;
            });
    if (!failure.isEmpty()) {
      return Result.missing(failure);
    }
    failedDownloads.remove(file.officialUrl());
    return verify(file, official, root.resolve(official.path()));
  }

  private Result verify(SourceFile file, Location location, Path path) {
    String sha256;
    long bytes;
    try {
      sha256 = digests.sha256(path);
      bytes = Files.size(path);
    } catch (IOException e) {
      return Result.missing("unreadable " + path + ": " + e.getMessage());
    }
    if (location.sha256() != null && !location.sha256().equalsIgnoreCase(sha256)) {
      return Result.missing(
          "checksum mismatch for "
              + path
              + ": expected sha256 "
              + location.sha256()
              + ", found "
              + sha256
              + " (a different or damaged file)");
    }
    String member = location.member();
    if (member != null) {
      member = findMember(path, member);
      if (member == null) {
        return Result.missing(path + " holds no member " + location.member());
      }
    }
    return Result.found(new LocatedFile(file, path, member, sha256, bytes));
  }

  private static String findMember(Path zipPath, String wanted) {
    try (ZipFile zip = new ZipFile(zipPath.toFile())) {
      if (!wanted.contains("*")) {
        return zip.getEntry(wanted) == null ? null : wanted;
      }
      // CMS dates its member names (HCPC2025_JAN_ANWEB_12172024.txt): match them by pattern.
      Pattern pattern = Pattern.compile(Pattern.quote(wanted).replace("*", "\\E.*\\Q"));
      return zip.stream()
          .map(ZipEntry::getName)
          .filter(name -> pattern.matcher(name).matches())
          .sorted()
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** Downloads with retry into a temporary file, moved into place only when complete. */
  private String download(SourceFile file, Path target, Consumer<String> progress) {
    String problem = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(file.officialUrl()))
                .timeout(Duration.ofMinutes(10))
                .header("User-Agent", "OpenEncoder")
                .build();
        HttpResponse<InputStream> response =
            http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          problem = "HTTP " + response.statusCode() + " from " + file.officialUrl();
          continue;
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        copyWithProgress(response.body(), partial, length, file.official().displayName(), progress);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return null;
      } catch (IOException e) {
        problem =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "download interrupted";
      }
      progress.accept(
          "Download of " + file.officialUrl() + " failed (attempt " + attempt + "): " + problem);
    }
    return "could not download "
        + file.officialUrl()
        + " ("
        + problem
        + "). Offline? Download it on a connected machine and put it at "
        + target.toAbsolutePath().normalize()
        + ", or set OPENENCODER_MIRROR to a folder holding "
        + file.official().path();
  }

  private static void copyWithProgress(
      InputStream body, Path partial, long length, String name, Consumer<String> progress)
      throws IOException {
    try (InputStream in = body;
        var out = Files.newOutputStream(partial)) {
      byte[] buffer = new byte[1 << 16];
      long copied = 0;
      long nextReport = 0;
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        copied += read;
        if (copied >= nextReport) {
          progress.accept(
              "Downloading "
                  + name
                  + ": "
                  + (copied >> 20)
                  + " MiB"
                  + (length > 0 ? " of " + (length >> 20) + " MiB" : ""));
          nextReport = copied + (4L << 20);
        }
      }
    }
  }

  static String sha256(Path path) throws IOException {
    return FileDigests.compute(path);
  }

  /** A located file, or why there is none. */
  record Result(LocatedFile file, String problem) {
    static Result found(LocatedFile file) {
      return new Result(file, null);
    }

    static Result missing(String problem) {
      return new Result(null, problem);
    }
  }
}
