package org.newsnlp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;

class GazetteerEntityResolverTest {

    private static TextSegmenter segmenter;
    private static GazetteerEntityResolver resolver;

    @BeforeAll
    static void load() {
        segmenter = TextSegmenter.english();
        resolver = GazetteerEntityResolver.english();
    }

    /** Builds recognizer mentions by hand: every occurrence of each "surface=TYPE" pair. */
    private static List<Mention> tag(String text, String... pairs) {
        List<Mention> out = new ArrayList<>();
        for (String p : pairs) {
            int eq = p.lastIndexOf('=');
            String surface = p.substring(0, eq);
            EntityType type = EntityType.fromConll(p.substring(eq + 1));
            int from = 0;
            int i;
            while ((i = text.indexOf(surface, from)) >= 0) {
                out.add(new Mention(surface, i, i + surface.length(), type));
                from = i + surface.length();
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    private static List<Entity> resolve(String text, String... pairs) {
        return resolveTitled("", text, pairs);
    }

    private static List<Entity> resolveTitled(String title, String text, String... pairs) {
        TokenizedText t = segmenter.segment(text);
        List<Entity> es = resolver.resolve(t, title, tag(text, pairs));
        for (Entity e : es) {
            for (Mention m : e.mentions()) {
                assertEquals(text.substring(m.start(), m.end()), m.text(), "mention offsets");
                assertEquals(e.type(), m.type());
            }
        }
        return es;
    }

    private static Set<String> codes(List<Entity> es) {
        return es.stream().filter(e -> e.type() == EntityType.COUNTRY).map(Entity::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Entity> ofType(List<Entity> es, EntityType type) {
        return es.stream().filter(e -> e.type() == type).toList();
    }

    private static Entity named(List<Entity> es, String name) {
        return es.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity named '" + name + "' in " + es));
    }

    @ParameterizedTest
    @CsvSource({
            "'Officials in the U.S. said so.', US",
            "'The US and its allies met.', US",
            "'Trade with the USA grew.', US",
            "'A U.S.-based lender.', US",
            "'The UK left the bloc.', GB",
            "'British exports rose.', GB",
            "'Talks with the UAE resumed.', AE",
            "'Chinese firms gained.', CN",
            "'The People''s Republic of China objected.', CN",
            "'American buyers returned.', US",
            "'Exports to South Korea fell.', KR",
            "'Ivory Coast and Côte d''Ivoire are one.', CI",
            "'Dutch voters went to the polls.', NL",
            "'Prices in Türkiye rose.', TR",
    })
    void recognisesCountryNamesAbbreviationsAndDemonyms(String text, String code) {
        assertEquals(Set.of(code), codes(resolve(text)));
    }

    @ParameterizedTest
    @CsvSource({
            "'Ships sailed through the South China Sea on Monday.'",
            "'He told USA Today about it.'",
            "'She flew American Airlines to Dallas.'",
            "'He studied at the Hong Kong University of Science and Technology.'",
            "'The Bank of England held rates.'",
            "'Storms in the Gulf of Mexico eased.'",
            "'He won the US Open last year.'",
            "'Profits at American Hoechst Corp fell.'",
            "'Chinatown was busy.'",
    })
    void doesNotTakeCountryWordsInsideOtherNamesForCountries(String text) {
        assertEquals(Set.of(), codes(resolve(text)));
    }

    @Test
    void countryWordInsideALargerRecognisedNameIsNotACountry() {
        String text = "An economic summit hosted by the University of Hong Kong Business School on Friday.";
        List<Entity> es = resolve(text, "University of Hong Kong Business School=ORG");
        assertEquals(Set.of(), codes(es));
        assertEquals(EntityType.ORGANIZATION, named(es, "University of Hong Kong Business School").type());
    }

    @Test
    void countsHongKongAsATerritory() {
        String text = "Computing power remained a challenge for companies in mainland China and Hong Kong.";
        assertEquals(Set.of("CN", "HK"), codes(resolve(text, "Hong Kong=LOC")));
    }

    @Test
    void demonymTaggedMiscBecomesItsCountry() {
        List<Entity> es = resolve("Chinese and Japanese negotiators met.", "Chinese=MISC", "Japanese=MISC");
        assertEquals(Set.of("CN", "JP"), codes(es));
        assertEquals("China", es.stream().filter(e -> "CN".equals(e.code())).findFirst().orElseThrow().name());
    }

    @Test
    void titleNamedAfterACountryKeepsItsCountryWordOutOfTheCountries() {
        List<Entity> es = resolve("He had a cameo in the film Hotel Rwanda.", "Hotel Rwanda=MISC");
        assertEquals(Set.of(), codes(es));
    }

    @Test
    void compoundMiscOfCountriesGivesBothCountries() {
        List<Entity> es = resolve("The U.S.-China talks resumed.", "U.S.-China=MISC");
        assertEquals(Set.of("CN", "US"), codes(es));
    }

    @Test
    void groupsTheMentionsOfOnePersonUnderTheFullestName() {
        String text = "Harry Shum Heung-yeung spoke first. Later Shum said more. Mr Shum then left.";
        List<Entity> es = resolve(text, "Harry Shum Heung-yeung=PER", "Mr Shum=PER", "Shum=PER");
        List<Entity> people = ofType(es, EntityType.PERSON);
        assertEquals(1, people.size(), people.toString());
        assertEquals("Harry Shum Heung-yeung", people.get(0).name());
        assertEquals(3, people.get(0).mentions().size());
    }

    @Test
    void keepsTwoPeopleWithTheSameFirstNameApart() {
        String text = "Harry Kane scored. Harry Styles sang. Kane celebrated.";
        List<Entity> es = resolve(text, "Harry Kane=PER", "Harry Styles=PER", "Kane=PER");
        List<Entity> people = ofType(es, EntityType.PERSON);
        assertEquals(2, people.size(), people.toString());
        assertEquals(2, named(es, "Harry Kane").mentions().size());
    }

    @Test
    void groupsACompanyWithItsLegalSuffixAndShortForm() {
        String text = "Microsoft Corp. reported results. Microsoft said sales rose.";
        List<Entity> es = resolve(text, "Microsoft Corp.=ORG", "Microsoft=ORG");
        List<Entity> companies = ofType(es, EntityType.COMPANY);
        assertEquals(1, companies.size(), companies.toString());
        assertEquals("Microsoft Corp.", companies.get(0).name());
        assertEquals(2, companies.get(0).mentions().size());
    }

    @Test
    void possessiveResolvesToTheCompanyWithoutTheApostrophe() {
        String text = "Shum, Microsoft's head of AI, spoke.";
        List<Entity> es = resolve(text, "Microsoft's=ORG");
        Entity ms = named(es, "Microsoft");
        assertEquals(EntityType.COMPANY, ms.type());
        Mention m = ms.mentions().get(0);
        assertEquals("Microsoft", m.text());
        assertEquals(text.indexOf("Microsoft"), m.start());
    }

    @Test
    void findsGazetteerCompaniesTheTaggerMissed() {
        String text = "DeepSeek is a good example. Companies like OpenAI and Google need more chips than Nvidia sells.";
        List<Entity> es = resolve(text);
        Set<String> names = ofType(es, EntityType.COMPANY).stream().map(Entity::name).collect(Collectors.toSet());
        assertEquals(Set.of("DeepSeek", "OpenAI", "Google", "Nvidia"), names);
    }

    @Test
    void correctsATaggerThatMistypesAKnownCompany() {
        List<Entity> es = resolve("Anthropic released a model.", "Anthropic=PER");
        assertEquals(EntityType.COMPANY, named(es, "Anthropic").type());
    }

    @Test
    void surnameOfAPersonIsNotTakenForACompany() {
        String text = "Roy Disney made a bid. The Disney family holds shares.";
        List<Entity> es = resolve(text, "Roy Disney=PER");
        assertTrue(ofType(es, EntityType.COMPANY).isEmpty(), es.toString());
    }

    @Test
    void pronounsAreNeverEntities() {
        List<Entity> es = resolve("He said it was fine. She agreed.", "He=PER", "She=PER", "it=ORG");
        assertTrue(es.isEmpty(), es.toString());
    }

    @Test
    void typesAnUnknownOrganisationWithCompanyCuesAsACompany() {
        String text = "Ohio-based REalloys plans a plant. REalloys CEO David Argyle said so.";
        List<Entity> es = resolve(text, "REalloys=ORG", "David Argyle=PER");
        assertEquals(EntityType.COMPANY, named(es, "REalloys").type());
    }

    @ParameterizedTest
    @CsvSource({
            "'Profits at Zanthor Holdings rose.', Zanthor Holdings",
            "'Shares of Quillfeather fell 5%.', Quillfeather",
            "'The start-up Brightwave raised money.', Brightwave",
            "'Velorant Inc said on Monday it would cut jobs.', Velorant Inc",
            "'Visitors to Quorbly.com rose.', Quorbly.com",
    })
    void typesUnknownCompaniesBySuffixAndContext(String text, String name) {
        List<Entity> es = resolve(text, name + "=ORG");
        assertEquals(EntityType.COMPANY, named(es, name).type());
    }

    @ParameterizedTest
    @CsvSource({
            "'The Ministry of Fisheries said on Monday.', Ministry of Fisheries",
            "'He studied at Kelvin University.', Kelvin University",
            "'The Progressive Party won seats.', Progressive Party",
            "'Fans of Rovena FC were angry.', Rovena FC",
            "'Reuters reported the deal.', Reuters",
            "'The Bank of Canada held rates.', Bank of Canada",
    })
    void typesOtherOrganisationsAsOrganisations(String text, String name) {
        List<Entity> es = resolve(text, name + "=ORG");
        assertEquals(EntityType.ORGANIZATION, named(es, name).type());
    }

    @Test
    void splitsACountryOffTheFrontOfAGovernmentBody() {
        List<Entity> es = resolve("The US Senate voted.", "US Senate=ORG");
        assertEquals(Set.of("US"), codes(es));
        assertEquals(EntityType.ORGANIZATION, named(es, "Senate").type());
    }

    @Test
    void citiesAndStatesStayLocations() {
        List<Entity> es = resolve("Flights from Shanghai to Texas resumed.", "Shanghai=LOC", "Texas=LOC");
        assertEquals(2, ofType(es, EntityType.LOCATION).size());
        assertTrue(codes(es).isEmpty());
    }

    @Test
    void salienceIsInRangeAndSortsEntities() {
        String text = "Nvidia beat forecasts. Nvidia said demand was strong. Analysts in Japan agreed. Nvidia rose.";
        List<Entity> es = resolveTitled("Nvidia soars", text);
        assertFalse(es.isEmpty());
        assertEquals("Nvidia", es.get(0).name());
        for (int i = 0; i < es.size(); i++) {
            double s = es.get(i).salience();
            assertTrue(s >= 0 && s <= 1, "salience " + s);
            if (i > 0) {
                assertTrue(es.get(i - 1).salience() >= s);
            }
        }
        assertTrue(es.get(0).salience() > named(es, "Japan").salience());
    }

    @Test
    void titlePresenceRaisesSalience() {
        String text = "Toyota and Honda reported results on the same day.";
        double plain = named(resolveTitled("", text), "Honda").salience();
        double titled = named(resolveTitled("Honda profits jump", text), "Honda").salience();
        assertTrue(titled > plain, titled + " vs " + plain);
    }

    @Test
    void sameResultsFromManyThreads() throws Exception {
        String text = "China still lags behind the US in chips, said Harry Shum, Microsoft's former head of AI. "
                + "DeepSeek is a start-up based in Hangzhou. Shum spoke in Hong Kong.";
        String[] tags = {"Harry Shum=PER", "Shum=PER", "Hangzhou=LOC", "Hong Kong=LOC"};
        List<Entity> expected = resolve(text, tags);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> fs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                fs.add(pool.submit(() -> resolve(text, tags)));
            }
            for (Future<List<Entity>> f : fs) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameResultsUnderTheTurkishLocale() {
        String text = "Istanbul-based firm INTEL and Indian officials met in Italy.";
        List<Entity> expected = resolve(text, "INTEL=ORG");
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Gazetteer g = Gazetteer.english();
            GazetteerEntityResolver r = new GazetteerEntityResolver(g);
            TokenizedText t = segmenter.segment(text);
            assertEquals(expected, r.resolve(t, "", tag(text, "INTEL=ORG")));
            assertEquals("IN", g.lookup("INDIA").code());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void emptyTextGivesNoEntities() {
        assertTrue(resolver.resolve(segmenter.segment(""), "", List.of()).isEmpty());
        assertNull(named(resolve("Nvidia rose."), "Nvidia").code());
    }

    @Test
    void joinsALegalFormNameTheTaggerSplit() {
        String text = "Mark IV Industries Inc started a bid for the rest of the shares.";
        List<Entity> es = resolve(text, "Mark=PER", "IV Industries Inc=ORG");
        assertTrue(ofType(es, EntityType.PERSON).isEmpty(), es.toString());
        assertEquals(EntityType.COMPANY, named(es, "Mark IV Industries Inc").type());
    }

    @Test
    void loneProductWordTaggedAsAPersonIsNotAPerson() {
        List<Entity> es = resolve("Anthropic's latest model Claude answered questions.", "Claude=PER");
        assertTrue(ofType(es, EntityType.PERSON).isEmpty(), es.toString());
        assertEquals(EntityType.COMPANY, named(es, "Anthropic").type());
    }

    @Test
    void sameNameTaggedPersonAndOrganisationIsOnePerson() {
        String text = "Elon Musk's company merged with X. Musk said the deal was done.";
        List<Entity> es = resolve(text, "Elon Musk=ORG", "Musk=PER");
        List<Entity> people = ofType(es, EntityType.PERSON);
        assertEquals(1, people.size(), es.toString());
        assertEquals("Elon Musk", people.get(0).name());
        assertEquals(2, people.get(0).mentions().size());
    }

    @Test
    void shortFormOfACompanyTaggedAsAPersonJoinsTheCompany() {
        String text = "Bond agreed to buy Merlin International Petroleum Corp on Monday. Merlin has a stake in the permit.";
        List<Entity> es = resolve(text, "Merlin International Petroleum Corp=ORG", "Merlin=PER");
        assertTrue(ofType(es, EntityType.PERSON).isEmpty(), es.toString());
        assertEquals(2, named(es, "Merlin International Petroleum Corp").mentions().size());
    }

    @ParameterizedTest
    @CsvSource({"'Aid was compared to the Marshall Plan of 1948.', Marshall Plan",
            "'Players entered Neverwinter Nights again.', Neverwinter Nights"})
    void nameEndingLikeAThingIsNotAPerson(String text, String name) {
        List<Entity> es = resolve(text, name + "=PER");
        assertTrue(ofType(es, EntityType.PERSON).isEmpty(), es.toString());
    }

    @Test
    void strongCompanyCueRetypesAPerson() {
        List<Entity> es = resolve("He is a partner at the law firm Tods Murray in Edinburgh.", "Tods Murray=PER");
        assertEquals(EntityType.COMPANY, named(es, "Tods Murray").type());
    }

    @Test
    void appositiveNamesACompany() {
        List<Entity> es = resolve("Parmalat, the Italian food group, reported a profit.", "Parmalat=ORG");
        assertEquals(EntityType.COMPANY, named(es, "Parmalat").type());
    }

    @Test
    void unitNamedAfterAKnownCompanyIsACompanyOfItsOwn() {
        List<Entity> es = resolve("The collapse of ITV Digital in 2002 hurt the market.", "ITV Digital=ORG");
        assertEquals(EntityType.COMPANY, named(es, "ITV Digital").type());
    }

    @Test
    void legalFormOutweighsOrganisationWords() {
        List<Entity> es = resolve("It bought Meyer Detective Agency Inc last year.", "Meyer Detective Agency Inc=ORG");
        assertEquals(EntityType.COMPANY, named(es, "Meyer Detective Agency Inc").type());
    }

    @Test
    void stockExchangesAreOrganisations() {
        List<Entity> es = resolve("Its stock was halted on Nasdaq earlier.", "Nasdaq=ORG");
        assertEquals(EntityType.ORGANIZATION, named(es, "Nasdaq").type());
    }

    @Test
    void legalFormNameStopsAtAKnownCompanyAndKeepsTheCountry() {
        List<Entity> es = resolve("Chinese Ant Group Co said profits fell.");
        assertEquals(Set.of("CN"), codes(es));
        assertEquals(EntityType.COMPANY, named(es, "Ant Group Co").type());
    }

    @Test
    void hyphenBeforeAPersonIsNotPartOfTheName() {
        List<Entity> es = resolve("Anti-Trump protesters gathered as Trump spoke.", "Trump=PER");
        assertTrue(es.stream().allMatch(e -> e.mentions().stream().noneMatch(m -> m.text().contains("-"))),
                es.toString());
    }

    @Test
    void placeNamedAfterACompanyStaysAPlace() {
        List<Entity> es = resolve("Arsenal play at the Emirates Stadium tonight.", "Arsenal=ORG", "Emirates Stadium=LOC");
        assertEquals(EntityType.LOCATION, named(es, "Emirates Stadium").type());
        assertEquals(EntityType.ORGANIZATION, named(es, "Arsenal").type());
    }

    @Test
    void familyNamedLikeACompanyIsNotTheCompany() {
        List<Entity> es = resolve("The Disney family holds 9% of the shares.", "Disney=ORG");
        assertTrue(ofType(es, EntityType.COMPANY).isEmpty(), es.toString());
    }
}
