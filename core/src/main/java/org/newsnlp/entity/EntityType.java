package org.newsnlp.entity;

/**
 * The kinds of entity newsnlp reports.
 *
 * <p>A recognizer emits {@link #PERSON}, {@link #ORGANIZATION}, {@link #LOCATION} and {@link #MISC}
 * (the CoNLL-2003 classes); resolution refines organisations into {@link #COMPANY} and locations into
 * {@link #COUNTRY} where the evidence says so.
 */
public enum EntityType {
    /** A person. */
    PERSON,
    /** A business: listed or private company, start-up, bank, brand owner. */
    COMPANY,
    /** A sovereign country or ISO 3166-1 territory; carries an alpha-2 code. */
    COUNTRY,
    /** Any other organisation: government body, university, party, team, NGO, court, news outlet. */
    ORGANIZATION,
    /** Any other place: city, region, state, body of water, building. */
    LOCATION,
    /** Other names: events, nationalities used as groups, products, works. */
    MISC;

    /** Maps a CoNLL-2003 class ({@code PER}, {@code ORG}, {@code LOC}, {@code MISC}) to a type. */
    public static EntityType fromConll(String tag) {
        return switch (tag) {
            case "PER" -> PERSON;
            case "ORG" -> ORGANIZATION;
            case "LOC" -> LOCATION;
            case "MISC" -> MISC;
            default -> throw new IllegalArgumentException("unknown CoNLL entity class '" + tag
                    + "', expected one of PER, ORG, LOC, MISC");
        };
    }
}
