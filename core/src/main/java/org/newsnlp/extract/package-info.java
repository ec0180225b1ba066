/** Article extraction: main text and metadata from news pages and scraped text. */
package org.newsnlp.extract;
