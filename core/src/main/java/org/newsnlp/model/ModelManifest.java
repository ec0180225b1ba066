package org.newsnlp.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.newsnlp.NewsNlpException;

/**
 * What a model file says about itself: checked on load so that a wrong or stale file fails with a clear
 * message instead of producing junk. Stored as JSON ({@code manifest.json}) next to or inside the model.
 *
 * <pre>{@code
 * ModelManifest m = ModelManifest.read(in, "ner-en.model");
 * m.requireFormat("newsnlp-ner", 1, "ner-en.model");
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param format        the model format's name, e.g. {@code "newsnlp-ner"}
 * @param formatVersion the format's version; readers reject versions they do not know
 * @param name          the model's name, e.g. {@code "news-bbc5"}
 * @param version       the model's own version
 * @param language      ISO 639-1 language of the training data
 * @param labels        the labels it predicts
 * @param trainingData  the data it was trained on, with where it comes from
 * @param metrics       measured quality, by metric name (e.g. {@code "dev.f1"})
 * @param command       the command that rebuilds the model
 * @param notes         anything else a user should know (limits, licence of the data)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String format, int formatVersion, String name, String version, String language,
                            List<String> labels, List<String> trainingData, Map<String, Double> metrics,
                            String command, String notes) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        labels = labels == null ? List.of() : List.copyOf(labels);
        trainingData = trainingData == null ? List.of() : List.copyOf(trainingData);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Reads a manifest.
     *
     * @param in     the JSON
     * @param source the file or resource name, for error messages
     * @throws NewsNlpException when the JSON is not a manifest
     */
    public static ModelManifest read(InputStream in, String source) throws IOException {
        try {
            return JSON.readValue(in, ModelManifest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new NewsNlpException(source + ": not a newsnlp model manifest: " + e.getOriginalMessage(), e);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new NewsNlpException(source + ": incomplete model manifest: " + e.getMessage(), e);
        }
    }

    /** Reads a manifest from a JSON string. */
    public static ModelManifest parse(String json, String source) {
        try {
            return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes this manifest as JSON; does not close {@code out}. */
    public void write(OutputStream out) throws IOException {
        JSON.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, this);
    }

    /** This manifest as pretty-printed JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails unless this manifest declares {@code expectedFormat} at a version this reader knows.
     *
     * @param source the file or resource name, for the message
     */
    public void requireFormat(String expectedFormat, int maxVersion, String source) {
        if (!expectedFormat.equals(format)) {
            throw new NewsNlpException(source + ": expected a '" + expectedFormat + "' model, found '" + format + "'");
        }
        if (formatVersion < 1 || formatVersion > maxVersion) {
            throw new NewsNlpException(source + ": '" + format + "' format version " + formatVersion
                    + " is not supported (this reader knows 1.." + maxVersion + ")");
        }
    }

    /** A copy with other metrics. */
    public ModelManifest withMetrics(Map<String, Double> newMetrics) {
        return new ModelManifest(format, formatVersion, name, version, language, labels, trainingData, newMetrics,
                command, notes);
    }
}
