package org.newsnlp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;

/**
 * Resolution rules for the shapes of today's web news: bylines and photo credits, sentence-opening nouns
 * glued to names, appositives, company cues, coordinated names. Recognizer mentions are given by hand.
 */
class RecentNewsRulesTest {

    private static TextSegmenter segmenter;
    private static GazetteerEntityResolver resolver;

    @BeforeAll
    static void load() {
        segmenter = TextSegmenter.fast();
        resolver = GazetteerEntityResolver.english();
    }

    /** Every occurrence of each "surface=TYPE" pair as a recognizer mention. */
    private static List<Entity> resolve(String text, String... pairs) {
        List<Mention> mentions = new ArrayList<>();
        for (String p : pairs) {
            int eq = p.lastIndexOf('=');
            String surface = p.substring(0, eq);
            EntityType type = EntityType.fromConll(p.substring(eq + 1));
            int from = 0;
            int i;
            while ((i = text.indexOf(surface, from)) >= 0) {
                mentions.add(new Mention(surface, i, i + surface.length(), type));
                from = i + surface.length();
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        TokenizedText t = segmenter.segment(text);
        List<Entity> es = resolver.resolve(t, "", mentions);
        for (Entity e : es) {
            for (Mention m : e.mentions()) {
                assertEquals(text.substring(m.start(), m.end()), m.text(), "mention offsets");
            }
        }
        return es;
    }

    private static Set<String> names(List<Entity> es, EntityType type) {
        return es.stream().filter(e -> e.type() == type).map(Entity::name).collect(Collectors.toSet());
    }

    @Test
    void bylineAuthorIsNotAPerson() {
        String text = "By Anna Lindqvist in Berlin\n\nBERLIN, Feb 23 - Friedrich Merz won the election on Sunday.";
        List<Entity> es = resolve(text, "Anna Lindqvist=PER", "Friedrich Merz=PER", "BERLIN=LOC");
        assertEquals(Set.of("Friedrich Merz"), names(es, EntityType.PERSON));
    }

    @Test
    void byInsideASentenceStillNamesAPerson() {
        String text = "The plan was drawn up by Anna Lindqvist, the party's treasurer.";
        assertEquals(Set.of("Anna Lindqvist"), names(resolve(text, "Anna Lindqvist=PER"), EntityType.PERSON));
    }

    @Test
    void reportersAndEditorsAreNotPeopleOfTheStory() {
        String text = "Reeves said the rules would hold.\n\n(Reporting by Thomas Whitfield; Editing by Alison Marsh)";
        List<Entity> es = resolve(text, "Reeves=PER", "Thomas Whitfield=PER", "Alison Marsh=PER");
        assertEquals(Set.of("Reeves"), names(es, EntityType.PERSON));
    }

    @Test
    void photographersInCreditsAreNotPeopleOfTheStory() {
        String text = "Mikey Madison poses with her award in London. Photograph: Jeff Spicer/Getty Images\n\n"
                + "Greta Gerwig attends the premiere in Los Angeles. REUTERS/Mario Anzuoni/File Photo";
        List<Entity> es = resolve(text, "Mikey Madison=PER", "Jeff=PER", "Greta Gerwig=PER", "Mario Anzuoni=PER");
        assertEquals(Set.of("Mikey Madison", "Greta Gerwig"), names(es, EntityType.PERSON));
    }

    @Test
    void companiesCreditedInCaptionsAreKeptAndCaptionWordsAreNotCredits() {
        String text = "A DeepSeek poster seen at a conference in Shanghai. Photo: VCG via Getty Images\n\n"
                + "Photo: A Commerzbank logo is seen at its headquarters in Frankfurt.";
        List<Entity> es = resolve(text, "DeepSeek=ORG", "Shanghai=LOC", "VCG=ORG", "Getty Images=ORG",
                "Commerzbank=ORG", "Frankfurt=LOC");
        assertEquals(Set.of("DeepSeek", "Commerzbank", "VCG", "Getty Images"), names(es, EntityType.COMPANY));
    }

    @Test
    void sentenceOpeningNounIsNotPartOfTheName() {
        String text = "Rival Advanced Micro Devices reports results next week. "
                + "Broadcaster Warner Bros. Discovery said the final drew its biggest audience.";
        List<Entity> es = resolve(text, "Rival Advanced Micro Devices=ORG", "Broadcaster Warner Bros. Discovery=ORG");
        Set<String> companies = names(es, EntityType.COMPANY);
        assertEquals(2, companies.size(), companies.toString());
        assertTrue(companies.stream().noneMatch(n -> n.startsWith("Rival") || n.startsWith("Broadcaster")),
                companies.toString());
    }

    @Test
    void namesThatStartWithACueWordKeepIt() {
        String text = "Giant Eagle said it would close stores. Union Pacific raised its dividend.";
        List<Entity> es = resolve(text, "Giant Eagle=ORG", "Union Pacific=ORG");
        assertTrue(es.stream().anyMatch(e -> e.name().equals("Giant Eagle")), es.toString());
        assertTrue(es.stream().anyMatch(e -> e.name().equals("Union Pacific")), es.toString());
    }

    @Test
    void roleWordOpeningASentenceIsNotPartOfTheName() {
        String text = "Spinners Varun Chakravarthy and Kuldeep Yadav took two wickets each.";
        List<Entity> es = resolve(text, "Spinners Varun Chakravarthy=ORG", "Kuldeep Yadav=PER");
        assertEquals(Set.of("Varun Chakravarthy", "Kuldeep Yadav"), names(es, EntityType.PERSON));
    }

    @Test
    void appositiveAboutTheCompanyKeepsThePerson() {
        String text = "\"Consumers deserve real choice,\" said Daniel Ek, the Swedish company's chief executive. "
                + "\"The moat is distribution,\" said Ravi Okafor, a partner at the venture firm Lightspeed Venture Partners.";
        List<Entity> es = resolve(text, "Daniel Ek=PER", "Ravi Okafor=PER", "Swedish=MISC",
                "Lightspeed Venture Partners=ORG");
        assertEquals(Set.of("Daniel Ek", "Ravi Okafor"), names(es, EntityType.PERSON));
        assertEquals(Set.of("Lightspeed Venture Partners"), names(es, EntityType.COMPANY));
    }

    @Test
    void appositiveHeadedByACompanyNounStillMakesACompany() {
        String text = "Shares of Tavolo rose. Tavolo, the Italian food group, said sales grew.";
        assertEquals(Set.of("Tavolo"), names(resolve(text, "Tavolo=PER", "Italian=MISC"), EntityType.COMPANY));
    }

    @Test
    void placeAfterAnAnalystCueIsACompany() {
        String text = "\"Investors want more,\" said Elena Vasquez, an analyst at Bernstein.";
        List<Entity> es = resolve(text, "Elena Vasquez=PER", "Bernstein=LOC");
        assertEquals(Set.of("Bernstein"), names(es, EntityType.COMPANY));
        assertEquals(Set.of("Elena Vasquez"), names(es, EntityType.PERSON));
    }

    @Test
    void placeWithCompanyWordsIsACompany() {
        String text = "Her label, Republic Records, declined to comment. UniCredit holds a stake in Banco BPM.";
        List<Entity> es = resolve(text, "Republic Records=LOC", "Banco BPM=LOC", "UniCredit=ORG");
        assertEquals(Set.of("Republic Records", "Banco BPM", "UniCredit"), names(es, EntityType.COMPANY));
    }

    @Test
    void titledNameReadAsAPlaceIsAPerson() {
        String text = "Prince William, the president of Bafta, presented the award.";
        List<Entity> es = resolve(text, "Prince William=LOC", "Bafta=LOC");
        assertEquals(Set.of("William"), names(es, EntityType.PERSON));
    }

    @Test
    void titledPlaceAfterTheStaysAPlace() {
        String text = "Den ran the Queen Vic for years. He later opened a shop on King Street.";
        assertEquals(Set.of("Den"), names(resolve(text, "Den=PER", "Queen Vic=LOC", "King Street=LOC"),
                EntityType.PERSON));
    }

    @Test
    void legalNameJoinsUnknownPartnersAcrossAnd() {
        String text = "The deal was arranged by Donaldson Lufkin and Jenrette Securities Corp, the firm said.";
        List<Entity> es = resolve(text, "Donaldson Lufkin=ORG", "Jenrette Securities Corp=ORG");
        assertEquals(Set.of("Donaldson Lufkin and Jenrette Securities Corp"), names(es, EntityType.COMPANY));
    }

    @Test
    void carsOfAMakeAndPlacesAfterInAreNotPeople() {
        String text = "He kept an office in Mayfair and a fleet that included two Ferraris, the court heard.";
        List<Entity> es = resolve(text, "Mayfair=PER", "Ferraris=PER");
        assertEquals(Set.of(), names(es, EntityType.PERSON));
    }

    @Test
    void surnamesThatAreAlsoPlaceWordsStayPeople() {
        String text = "Aardman's co-founder Nick Park said the studio was thrilled.";
        assertEquals(Set.of("Nick Park"), names(resolve(text, "Nick Park=PER", "Aardman=ORG"), EntityType.PERSON));
    }

    @Test
    void nameCoordinatedWithAPersonIsAPerson() {
        String text = "Arsenal are without Gabriel Jesus and Kai Havertz through injury. "
                + "India were steered home by Shreyas Iyer and KL Rahul.";
        List<Entity> es = resolve(text, "Arsenal=ORG", "Gabriel Jesus=PER", "Kai Havertz=ORG", "India=LOC",
                "Shreyas Iyer=PER", "KL Rahul=ORG");
        assertEquals(Set.of("Gabriel Jesus", "Kai Havertz", "Shreyas Iyer", "KL Rahul"), names(es, EntityType.PERSON));
    }

    @Test
    void pairOfNamesUsedAloneElsewhereSplits() {
        String text = "Novo Nordisk cut prices. Novo lowered its forecast. Lilly, based in Indianapolis, gained. "
                + "Novo and Lilly both struck agreements with the White House.";
        List<Entity> es = resolve(text, "Novo Nordisk=ORG", "Novo and Lilly=ORG", "Novo=ORG", "Lilly=ORG",
                "Indianapolis=LOC", "White House=ORG");
        Set<String> companies = names(es, EntityType.COMPANY);
        assertTrue(companies.stream().noneMatch(n -> n.contains(" and ")), companies.toString());
        assertTrue(companies.contains("Novo Nordisk"), companies.toString());
    }

    @Test
    void legalNameDoesNotSwallowThePrecedingName() {
        String text = "Smaller suppliers such as Kaltmark and Screen Holdings also dropped.";
        List<Entity> es = resolve(text, "Kaltmark=ORG", "Screen Holdings=ORG");
        assertTrue(names(es, EntityType.COMPANY).contains("Screen Holdings"), es.toString());
        assertTrue(es.stream().noneMatch(e -> e.name().contains(" and ")), es.toString());
    }

    @Test
    void professionalCuesMakeCompanies() {
        String text = "\"You cannot unwind that,\" said a trade lawyer at Covington & Burling in Washington. "
                + "Premiums rose, according to the broker Hargreaves Penfold. "
                + "\"Controls make them determined,\" said an analyst at the consultancy Gavekal Dragonomics.";
        List<Entity> es = resolve(text, "Covington & Burling=ORG", "Washington=LOC", "Hargreaves Penfold=PER",
                "Gavekal Dragonomics=PER");
        assertEquals(Set.of("Covington & Burling", "Hargreaves Penfold", "Gavekal Dragonomics"),
                names(es, EntityType.COMPANY));
        assertEquals(Set.of(), names(es, EntityType.PERSON));
    }

    @Test
    void hyphenatedPairOfCountryAdjectivesNamesBoth() {
        String text = "The Exploration Company, a French-German firm, won a contract. U.S.-China talks resumed.";
        List<Entity> es = resolve(text, "The Exploration Company=ORG", "French-German=MISC", "U.S.-China=MISC");
        assertEquals(Set.of("FR", "DE", "US", "CN"), es.stream().filter(e -> e.type() == EntityType.COUNTRY)
                .map(Entity::code).collect(Collectors.toSet()));
    }

    @Test
    void nameInsideAQuotedTitleIsAWork() {
        String text = "The console went on sale alongside \u201cMario Kart World\u201d, Nintendo said. "
                + "\u201cWe thank Mario Rossi for his help,\u201d the company said.";
        List<Entity> es = resolve(text, "Mario Kart=PER", "Nintendo=ORG", "Mario Rossi=PER");
        assertEquals(Set.of("Mario Rossi"), names(es, EntityType.PERSON));
    }

    @Test
    void nameWithItsCountryIsAPerson() {
        String text = "Aryna Sabalenka won after beating Madison Keys of the United States. "
                + "The Bank of Canada and the Republic of Korea were not involved.";
        List<Entity> es = resolve(text, "Aryna Sabalenka=PER", "Madison Keys=LOC", "United States=LOC",
                "Bank of Canada=ORG", "Republic of Korea=LOC");
        assertEquals(Set.of("Aryna Sabalenka", "Madison Keys"), names(es, EntityType.PERSON));
    }

    @Test
    void roleBeforeANameMakesAPerson() {
        String text = "Welsh forward Jac Morgan was carried off with a knee injury.";
        assertEquals(Set.of("Jac Morgan"), names(resolve(text, "Welsh=MISC", "Jac Morgan=ORG"), EntityType.PERSON));
    }

    @Test
    void placeAfterAPersonRoleWordAloneIsNotTouchedWithoutARole() {
        String text = "Talks between Donald Trump and New York officials stalled.";
        List<Entity> es = resolve(text, "Donald Trump=PER", "New York=LOC");
        assertEquals(Set.of("Donald Trump"), names(es, EntityType.PERSON));
    }

    @Test
    void nameListedWithCompaniesIsACompany() {
        String text = "Suppliers including Nintendo and Hosiden also gained in Osaka.";
        List<Entity> es = resolve(text, "Nintendo=PER", "Hosiden=LOC", "Osaka=LOC");
        assertTrue(names(es, EntityType.COMPANY).contains("Hosiden"), es.toString());
    }

    @Test
    void placeAfterACompanyAndACommaIsNotACompany() {
        String text = "It bought Palmetto Guard Inc of Columbia, S.C., last year.";
        List<Entity> es = resolve(text, "Palmetto Guard Inc=ORG", "Columbia=LOC", "S.C.=LOC");
        assertEquals(Set.of("Palmetto Guard Inc"), names(es, EntityType.COMPANY));
    }

    @Test
    void placeOfTheNextCompanyIsNotACompany() {
        String text = "Paris-based Mistral AI and London's Synthesia have raised large rounds.";
        List<Entity> es = resolve(text, "Mistral AI=ORG", "London=LOC", "Synthesia=ORG");
        assertTrue(!names(es, EntityType.COMPANY).contains("London"), es.toString());
    }

    @Test
    void thingEndingAfterAStrongCueIsACompany() {
        String text = "\"It works,\" said the head of the Tokyo-based consultancy Kantan Games.";
        assertEquals(Set.of("Kantan Games"), names(resolve(text, "Kantan Games=PER"), EntityType.COMPANY));
    }

    @Test
    void knownCompanyWithATailReadAsAPersonIsTheCompany() {
        String text = "Coinbase Global, the largest U.S. crypto exchange, joined the index in May.";
        List<Entity> es = resolve(text, "Coinbase Global=PER", "U.S.=LOC");
        assertEquals(Set.of(), names(es, EntityType.PERSON));
        assertEquals(Set.of("Coinbase Global"), names(es, EntityType.COMPANY));
    }

    @Test
    void countryAdjectiveInsideAnAirlineNameIsNotACountry() {
        String text = "Passengers were rebooked on Swiss International Air Lines flights.";
        List<Entity> es = resolve(text, "Swiss=MISC", "International Air Lines=MISC");
        assertTrue(es.stream().noneMatch(e -> "CH".equals(e.code())), es.toString());
    }
}
