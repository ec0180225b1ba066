package org.newsnlp.cli;

import java.io.PrintStream;
import java.util.Map;

/** How documents are printed: one JSON array, or one JSON object per line. */
enum OutputFormat {
    JSON, JSONL;

    /** Streams JSON objects in this format. Not thread-safe. */
    final class Writer {
        private final PrintStream out;
        private int count;

        Writer(PrintStream out) {
            this.out = out;
        }

        void begin() {
            if (OutputFormat.this == JSON) {
                out.print("[");
            }
        }

        void write(Map<String, Object> doc) {
            if (OutputFormat.this == JSON) {
                out.print(count == 0 ? "\n" : ",\n");
                out.print(ArticleJson.write(doc, true));
            } else {
                out.println(ArticleJson.write(doc, false));
            }
            count++;
            out.flush();
        }

        void end() {
            if (OutputFormat.this == JSON) {
                out.println(count == 0 ? "]" : "\n]");
            }
            out.flush();
        }
    }

    Writer writer(PrintStream out) {
        return new Writer(out);
    }
}
