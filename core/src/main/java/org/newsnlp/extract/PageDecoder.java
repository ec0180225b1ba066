package org.newsnlp.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a fetched page's bytes: UTF-8 when they are valid UTF-8 (a byte-order mark dropped), otherwise
 * the charset the page declares in a meta tag, otherwise windows-1252.
 *
 * <pre>{@code
 * String html = PageDecoder.decode(Files.readAllBytes(path));
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class PageDecoder {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    /** The page's text. */
    public static String decode(byte[] bytes) {
        int off = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            off = 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, bytes.length - off)).toString();
        } catch (CharacterCodingException e) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            Charset cs = Charset.forName("windows-1252");
            if (m.find()) {
                try {
                    Charset declared = Charset.forName(m.group(1));
                    if (!declared.equals(StandardCharsets.UTF_8)) {
                        cs = declared;
                    }
                } catch (IllegalArgumentException ignored) {
                    // unknown charset name: keep windows-1252
                }
            }
            return new String(bytes, off, bytes.length - off, cs);
        }
    }
}
