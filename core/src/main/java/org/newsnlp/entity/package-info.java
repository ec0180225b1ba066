/** Entities: mentions, recognizers, and resolution into people, companies, countries and the rest. */
package org.newsnlp.entity;
