package org.medaudit.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML documents MedAudit is configured with (rules reference data, cases, forms, measures, wards).
 *
 * <p>Dates stay strings so that one reader validates them the same way whether they came from JSON or YAML.
 */
public final class YamlFiles {

    private YamlFiles() {
    }

    public static Object parse(String text) {
        return newYaml().load(text);
    }

    /** Reads a file whose top level is a mapping; a file that is empty or not a mapping is an error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMapping(Path file) {
        Object document;
        try {
            document = parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException(file + ": expected a YAML mapping at the top level");
        }
        return (Map<String, Object>) document;
    }

    private static Yaml newYaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, new DatesAsText());
    }

    /** The standard resolver without the timestamp tag, so {@code 2026-10-14} stays the text the author wrote. */
    private static final class DatesAsText extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }
}
