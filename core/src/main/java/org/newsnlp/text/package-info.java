/** Text layers: spans, tokens, sentences, tokenizers, sentence detection and language identification. */
package org.newsnlp.text;
