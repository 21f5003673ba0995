package dev.telephony.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The build's promises to adopters: a BOM naming every published module, a licence, a changelog. */
class PublishedArtifactsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void theBomAlignsEveryPublishedModule() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        List<String> published = all(MODULE, parent).stream()
                .filter(m -> !m.equals("telephony-bom"))
                .filter(m -> !read(ROOT.resolve(m).resolve("pom.xml")).contains("<published.skip>true</published.skip>"))
                .filter(m -> !m.startsWith("examples/"))
                .toList();
        String bom = Files.readString(ROOT.resolve("telephony-bom/pom.xml"));
        assertThat(all(ARTIFACT, bom)).as("modules the BOM manages").containsAll(published);
        for (String module : published) {
            assertThat(read(ROOT.resolve(module).resolve("pom.xml"))).as(module + " names its JPMS module")
                    .containsPattern("<module.name>dev\\.telephony\\.[a-z.]+</module.name>");
        }
    }

    @Test
    void licenceAndChangelogAreAtTheRoot() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License").contains("Version 2.0");
        assertThat(Files.readString(ROOT.resolve("CHANGELOG.md"))).contains("## [Unreleased]").contains("## [0.1.0]");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache-2.0</name>").contains("<scm>")
                .contains("<developers>").contains("<url>");
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(r -> r.group(1)).collect(Collectors.toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
