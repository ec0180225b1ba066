/** Internal helpers with no compatibility promise. */
package org.newsnlp.internal;
