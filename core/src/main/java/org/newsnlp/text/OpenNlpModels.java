package org.newsnlp.text;

import java.io.IOException;
import java.io.InputStream;

import org.newsnlp.NewsNlpException;

/** Loads OpenNLP models shipped as classpath resources by OpenNLP's model artifacts. Stateless. */
final class OpenNlpModels {

    /** Reads a model from an input stream, as OpenNLP's model constructors do. */
    interface Reader<M> {
        M read(InputStream in) throws IOException;
    }

    private OpenNlpModels() {
    }

    /**
     * Loads {@code resource} with {@code reader}.
     *
     * @param what     what the model is, for messages ("English tokenizer model")
     * @param artifact the Maven artifact that ships it, named when it is missing
     * @throws NewsNlpException when the resource is missing or unreadable
     */
    static <M> M load(String resource, String what, String artifact, Reader<M> reader) {
        try (InputStream in = OpenNlpModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NewsNlpException("OpenNLP " + what + " " + resource
                        + " is not on the classpath: add " + artifact);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new NewsNlpException("cannot read OpenNLP " + what + " " + resource + ": " + e.getMessage(), e);
        }
    }
}
