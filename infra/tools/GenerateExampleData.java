import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Writes a small SYNTHETIC sample in the PersonalRewardBench JSONL row format.
 *
 * <p>Every user has a hidden weight vector over response-style axes (drawn from one of four archetypes plus
 * noise). Both responses of a pair answer the same prompt with the same facts but differ in style; the user
 * "chooses" by comparing utilities with logistic noise, so the labels are learnable but not trivial.
 *
 * <p>Usage: {@code java infra/tools/GenerateExampleData.java --seed 7 --out examples/personal-reward-bench-sample.jsonl}
 */
public final class GenerateExampleData {

    enum Axis { THOROUGH, STRUCTURED, EXAMPLE, CASUAL, CAVEATS, TLDR, FOLLOW_UP }

    enum Domain {
        COOKING("Keep food safety in mind: reheat leftovers until they are steaming hot and refrigerate them within two hours.",
                "Cooking times vary between stoves and pans, so trust how the food looks and tastes over the exact minutes."),
        PROGRAMMING("Behaviour can differ between language or library versions, so check the documentation for the version you use.",
                "Try this on test data first; edge cases such as empty or very large inputs may need extra handling."),
        TRAVEL("Entry requirements, prices and schedules change often, so double-check official sources before you book.",
                "Conditions differ between destinations and seasons, so it is worth checking recent traveller reports as well."),
        HEALTH("This is general information rather than medical advice; if you have a health condition or symptoms that worry you, please talk to a doctor.",
                "Everyone's body responds differently, so stop if something hurts and consider asking a health professional."),
        FINANCE("This is general information, not personal financial advice, and rules and tax treatment differ by country.",
                "All investing carries risk and past returns do not guarantee future results, so consider speaking to a licensed adviser."),
        WRITING("Conventions depend on your audience and any style guide you follow, so adapt this rather than applying it rigidly.",
                "Tone expectations differ between workplaces and cultures, so read it once from the recipient's point of view."),
        SCIENCE("This is a simplified picture; the full explanation involves more nuance than fits in a short answer.",
                "Some details are still actively researched, so newer sources may refine parts of this explanation."),
        CAREER("Norms differ between industries, companies and countries, so treat this as a starting point rather than a rule.",
                "Your own circumstances matter a lot here, so it can help to get input from someone in your field.");

        final List<String> caveats;

        Domain(String... caveats) {
            this.caveats = List.of(caveats);
        }
    }

    record Topic(Domain domain, String prompt, List<String> points, String example, String summary, String followUp) {}

    record Style(Set<Axis> axes) {
        boolean has(Axis axis) {
            return axes.contains(axis);
        }

        double utility(double[] weights) {
            return axes.stream().mapToDouble(a -> weights[a.ordinal()]).sum();
        }
    }

    record Archetype(String name, double[] weights) {}

    record User(String id, double[] weights, boolean coldStart, int trainCount, int testCount) {}

    /** Two styled answers to one prompt; {@code margin} is the noiseless utility of {@code first} minus {@code second}. */
    record Pair(User user, String split, Topic topic, Style first, Style second, double margin) {}

    record Row(String userId, String split, String prompt, String chosen, String rejected, boolean matchesNoiseless) {}

    private static final int USERS = 60;
    private static final int COLD_START_USERS = 10;
    private static final double TARGET_FLIP_RATE = 0.175;
    // Pairs the user is nearly indifferent about would be coin flips; skipping them keeps the flip rate controllable.
    private static final double MIN_MARGIN = 0.25;
    private static final double WEIGHT_NOISE = 0.35;
    private static final double IRRELEVANT_AXIS_RATE = 0.15;

    // Weights in Axis order: THOROUGH, STRUCTURED, EXAMPLE, CASUAL, CAVEATS, TLDR, FOLLOW_UP. A zero means the axis is irrelevant.
    private static final List<Archetype> ARCHETYPES = List.of(
            new Archetype("busy skimmer", new double[] {-1.2, 0.8, -0.6, -0.3, -0.8, 1.0, -0.6}),
            new Archetype("deep learner", new double[] {1.2, 0.5, 1.2, 0.0, 0.4, -0.4, 0.5}),
            new Archetype("friendly chatter", new double[] {0.0, -1.0, 0.0, 1.3, -0.4, -0.5, 1.0}),
            new Archetype("careful professional", new double[] {0.5, 0.4, 0.0, -1.2, 1.2, 0.6, -0.6}));

    private static final List<String> CASUAL_OPENERS = List.of(
            "Great question! \uD83D\uDE0A", "Oh, happy to help with this! \uD83D\uDE4C", "Sure thing, let's dig in! \uD83D\uDE80",
            "Ooh, good one! \uD83D\uDC4D", "Love this question! \u2728");
    private static final List<String> FORMAL_OPENERS = List.of(
            "Certainly. Here is an overview.", "Here is a clear answer to your question.",
            "The key considerations are as follows.", "Here is the recommended approach.");
    private static final List<String> CASUAL_CLOSERS = List.of(
            "Hope that helps! \uD83D\uDE42", "You've got this! \uD83D\uDCAA", "Have fun with it! \uD83C\uDF89", "Good luck! \uD83C\uDF40");
    private static final List<String> SUMMARY_PREFIXES = List.of("TL;DR: ", "**TL;DR:** ", "In short: ", "Short answer: ");
    private static final List<String> HEADINGS = List.of("### Key points", "### What to do", "**Main points**", "### Overview");
    private static final List<String> CODE_LEAD_INS = List.of("Here is a minimal example:", "For instance:", "A short example:");

    public static void main(String[] args) throws IOException {
        long seed = Long.parseLong(option(args, "--seed", "7"));
        Path out = Path.of(option(args, "--out", "examples/personal-reward-bench-sample.jsonl"));
        Random rng = new Random(seed);
        List<Topic> topics = parseTopics();

        List<Pair> pairs = new ArrayList<>();
        for (User user : makeUsers(rng)) {
            pairs.addAll(makePairs(user, topics, rng));
        }
        double temperature = temperatureFor(pairs, TARGET_FLIP_RATE);
        List<Row> rows = pairs.stream().map(p -> label(p, temperature, rng)).toList();

        write(rows, out);
        printSummary(rows, temperature);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static List<User> makeUsers(Random rng) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, USERS).boxed().toList());
        Collections.shuffle(order, rng);
        Set<Integer> coldStart = Set.copyOf(order.subList(0, COLD_START_USERS));
        List<User> users = new ArrayList<>();
        int coldSeen = 0;
        for (int i = 0; i < USERS; i++) {
            boolean cold = coldStart.contains(i);
            // Cycling 0, 1, 2 guarantees that some cold-start users have no history at all.
            int train = cold ? coldSeen++ % 3 : 8 + rng.nextInt(13);
            int test = 3 + rng.nextInt(3);
            users.add(new User(String.format("u%03d", i + 1), userWeights(ARCHETYPES.get(i % ARCHETYPES.size()), rng),
                    cold, train, test));
        }
        return users;
    }

    private static double[] userWeights(Archetype archetype, Random rng) {
        double[] weights = new double[Axis.values().length];
        for (int a = 0; a < weights.length; a++) {
            double noise = rng.nextGaussian() * WEIGHT_NOISE;
            boolean irrelevant = archetype.weights()[a] == 0.0 || rng.nextDouble() < IRRELEVANT_AXIS_RATE;
            weights[a] = irrelevant ? 0.0 : archetype.weights()[a] + noise;
        }
        return weights;
    }

    private static List<Pair> makePairs(User user, List<Topic> topics, Random rng) {
        List<Topic> shuffled = new ArrayList<>(topics);
        Collections.shuffle(shuffled, rng);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < user.trainCount() + user.testCount(); i++) {
            pairs.add(makePair(user, i < user.trainCount() ? "train" : "test", shuffled.get(i), rng));
        }
        return pairs;
    }

    private static Pair makePair(User user, String split, Topic topic, Random rng) {
        Style first;
        Style second;
        double margin;
        int attempts = 0;
        do {
            first = randomStyle(rng);
            second = flipAxes(first, 2 + rng.nextInt(3), rng);
            margin = first.utility(user.weights()) - second.utility(user.weights());
        } while (Math.abs(margin) < MIN_MARGIN && ++attempts < 100);
        return new Pair(user, split, topic, first, second, margin);
    }

    private static Style randomStyle(Random rng) {
        Set<Axis> axes = EnumSet.noneOf(Axis.class);
        for (Axis axis : Axis.values()) {
            if (rng.nextBoolean()) {
                axes.add(axis);
            }
        }
        return new Style(axes);
    }

    private static Style flipAxes(Style style, int count, Random rng) {
        List<Axis> all = new ArrayList<>(Arrays.asList(Axis.values()));
        Collections.shuffle(all, rng);
        Set<Axis> axes = EnumSet.noneOf(Axis.class);
        axes.addAll(style.axes());
        for (Axis axis : all.subList(0, count)) {
            if (!axes.remove(axis)) {
                axes.add(axis);
            }
        }
        return new Style(axes);
    }

    /** Bisection for the logistic temperature whose expected share of flipped labels equals {@code target}. */
    private static double temperatureFor(List<Pair> pairs, double target) {
        double low = 1e-3;
        double high = 10.0;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (expectedFlipRate(pairs, mid) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double expectedFlipRate(List<Pair> pairs, double temperature) {
        return pairs.stream().mapToDouble(p -> sigmoid(-Math.abs(p.margin()) / temperature)).average().orElse(0);
    }

    private static double sigmoid(double x) {
        // StrictMath keeps labels bit-for-bit identical across JVMs and CPUs for the same seed.
        return 1 / (1 + StrictMath.exp(-x));
    }

    private static Row label(Pair pair, double temperature, Random rng) {
        boolean firstChosen = rng.nextDouble() < sigmoid(pair.margin() / temperature);
        String first = render(pair.topic(), pair.first(), rng);
        String second = render(pair.topic(), pair.second(), rng);
        return new Row(pair.user().id(), pair.split(), pair.topic().prompt(),
                firstChosen ? first : second, firstChosen ? second : first, firstChosen == pair.margin() > 0);
    }

    private static String render(Topic topic, Style style, Random rng) {
        boolean casual = style.has(Axis.CASUAL);
        boolean structured = style.has(Axis.STRUCTURED);
        List<String> blocks = new ArrayList<>();
        if (casual) {
            blocks.add(pick(CASUAL_OPENERS, rng));
        } else if (rng.nextBoolean()) {
            blocks.add(pick(FORMAL_OPENERS, rng));
        }
        if (style.has(Axis.TLDR)) {
            blocks.add(pick(SUMMARY_PREFIXES, rng) + topic.summary());
        }
        List<String> points = style.has(Axis.THOROUGH) ? topic.points() : topic.points().subList(0, 2);
        blocks.add(structured ? list(points, rng) : prose(points));
        if (style.has(Axis.EXAMPLE)) {
            blocks.add(example(topic, rng));
        }
        if (style.has(Axis.CAVEATS)) {
            blocks.add((structured ? "**Note:** " : "") + pick(topic.domain().caveats, rng));
        }
        if (casual) {
            blocks.add(pick(CASUAL_CLOSERS, rng));
        }
        if (style.has(Axis.FOLLOW_UP)) {
            blocks.add(topic.followUp());
        }
        return String.join("\n\n", blocks);
    }

    private static String list(List<String> points, Random rng) {
        boolean numbered = rng.nextBoolean();
        StringBuilder text = new StringBuilder(pick(HEADINGS, rng));
        for (int i = 0; i < points.size(); i++) {
            text.append('\n').append(numbered ? (i + 1) + ". " : "- ").append(points.get(i));
        }
        return text.toString();
    }

    private static String prose(List<String> points) {
        if (points.size() <= 2) {
            return String.join(" ", points);
        }
        int half = points.size() / 2;
        return String.join(" ", points.subList(0, half)) + "\n\n" + String.join(" ", points.subList(half, points.size()));
    }

    private static String example(Topic topic, Random rng) {
        if (topic.example().startsWith("```")) {
            return pick(CODE_LEAD_INS, rng) + "\n" + topic.example();
        }
        return rng.nextBoolean() ? topic.example() : topic.example().replaceFirst("^For example", "For instance");
    }

    private static <T> T pick(List<T> options, Random rng) {
        return options.get(rng.nextInt(options.size()));
    }

    private static void write(List<Row> rows, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Row row : rows) {
                writer.write(toJson(row));
                writer.write('\n');
            }
        }
    }

    private static String toJson(Row row) {
        return "{\"user_id\": " + quote(row.userId())
                + ", \"split\": " + quote(row.split())
                + ", \"context\": [{\"role\": \"user\", \"content\": " + quote(row.prompt()) + "}]"
                + ", \"chosen\": {\"content\": " + quote(row.chosen()) + "}"
                + ", \"rejected\": {\"content\": " + quote(row.rejected()) + "}}";
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static void printSummary(List<Row> rows, double temperature) {
        List<Row> test = rows.stream().filter(r -> r.split().equals("test")).toList();
        long users = rows.stream().map(Row::userId).distinct().count();
        System.err.printf("users=%d train_rows=%d test_rows=%d cold_start_users=%d noiseless_agreement=%.3f (logistic temperature %.3f)%n",
                users, rows.size() - test.size(), test.size(), COLD_START_USERS,
                share(rows, Row::matchesNoiseless), temperature);
        System.err.printf("test accuracy: oracle_with_true_weights=%.3f always_longer=%.3f%n",
                share(test, Row::matchesNoiseless), share(test, r -> r.chosen().length() > r.rejected().length()));
    }

    private static double share(List<Row> rows, java.util.function.Predicate<Row> hit) {
        return rows.isEmpty() ? 0 : (double) rows.stream().filter(hit).count() / rows.size();
    }

    private static List<Topic> parseTopics() {
        List<Topic> topics = new ArrayList<>();
        for (String line : TOPICS.strip().split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length != 9) {
                throw new IllegalStateException("topic line needs 9 fields: " + line);
            }
            // "\n" inside a field is a literal backslash-n in the table so that one topic stays on one line.
            topics.add(new Topic(Domain.valueOf(f[0]), f[1], List.of(f[2], f[3], f[4], f[5]),
                    f[6].replace("\\n", "\n"), f[7], f[8]));
        }
        return topics;
    }

    // DOMAIN|prompt|point 1|point 2|point 3|point 4|example|one-line summary|follow-up question
    private static final String TOPICS = """
            COOKING|How do I make a simple tomato pasta sauce from canned tomatoes?|Warm a few tablespoons of olive oil and gently cook sliced garlic until it just turns golden.|Add a can of whole tomatoes, crush them with a spoon, and season with salt and a pinch of chili flakes.|Simmer uncovered for 20 to 25 minutes so the sauce thickens and the raw taste cooks off.|Finish with torn basil and a splash of pasta water to help the sauce cling to the noodles.|For example, one 400 g can of tomatoes, two garlic cloves and three tablespoons of oil make enough sauce for about 250 g of dry spaghetti, or two generous portions.|Garlic in oil, canned tomatoes, 20 minutes of simmering, then basil.|Do you want a version with meat or vegetables added?
            COOKING|What's the best way to cook rice so it isn't mushy?|Rinse the rice in cold water until it runs mostly clear to wash off excess starch.|Use roughly 1.25 cups of water per cup of long-grain white rice rather than the 2:1 ratio printed on many bags.|Bring it to a boil, then cover and cook on the lowest heat for 15 minutes without lifting the lid.|Let it rest off the heat for 10 minutes before fluffing it with a fork.|For example, for 2 cups of jasmine rice use 2.5 cups of water and half a teaspoon of salt; that feeds about four people as a side.|Rinse, use less water than you think, keep the lid on, and let it rest.|Which type of rice are you cooking, and on a stove or in a rice cooker?
            COOKING|How can I substitute eggs in baking?|One tablespoon of ground flaxseed mixed with three tablespoons of water replaces one egg in most muffins and cookies.|A quarter cup of unsweetened applesauce or mashed banana works well in moist cakes and quick breads.|For recipes that need lift, such as sponge cake, aquafaba whipped from chickpea liquid is the closest substitute.|Replacing more than two eggs usually changes the texture noticeably, so choose recipes that rely on eggs less.|For example, in a batch of 12 banana muffins calling for two eggs, use two tablespoons of flaxseed with six tablespoons of water and let it sit for five minutes first.|Flax egg for cookies and muffins, fruit puree for moist cakes, aquafaba when you need lift.|What are you planning to bake?
            COOKING|How do I get a good sear on a steak at home?|Pat the steak completely dry and salt it at least 40 minutes ahead, or right before cooking.|Heat a cast-iron or heavy stainless pan until it is smoking hot, with a thin layer of high smoke point oil.|Leave the steak undisturbed for two to three minutes per side so a crust can form.|Rest it for five minutes after cooking so the juices redistribute before slicing.|For example, a 2.5 cm thick ribeye reaches medium-rare at about 54 degrees C inside after roughly three minutes per side plus a short butter baste.|Dry surface, very hot pan, don't move it, then rest.|Do you have a meat thermometer, or should I explain the touch test?
            COOKING|What can I cook for a week of healthy lunches on a budget?|Build lunches around cheap staples like lentils, rice, eggs, frozen vegetables and seasonal produce.|A big pot of lentil and vegetable soup or a tray of roasted vegetables with chickpeas covers several days at once.|Vary the sauces rather than the base, such as tahini dressing one day and salsa the next, so it doesn't get boring.|Cook on Sunday and store portions in sealed containers; most cooked dishes keep three to four days in the fridge.|For example, a chickpea curry made from two cans of chickpeas, one can of tomatoes, an onion and spices costs around 6 dollars and gives five portions with rice.|Batch-cook cheap staples on Sunday and change the sauces during the week.|Do you have any dietary restrictions I should plan around?
            COOKING|How do I make bread without a bread machine?|Mix 500 g of bread flour, 10 g of salt, 7 g of instant yeast and about 350 ml of lukewarm water into a shaggy dough.|Knead for around 10 minutes, or do a few sets of stretch-and-folds, until the dough is smooth and elastic.|Let it rise until doubled, shape it into a tight ball, and proof it again for 45 minutes.|Bake at 230 degrees C for 30 to 35 minutes, ideally in a preheated Dutch oven with the lid on for the first 20 minutes.|For example, the loaf is done when it sounds hollow when tapped on the bottom or reads about 96 degrees C inside.|Flour, water, salt and yeast, two rises, and a very hot oven.|Would you like a no-knead overnight version instead?
            COOKING|How long should I boil an egg for a jammy yolk?|Lower eggs straight from the fridge into water that is already boiling.|Cook them for six and a half to seven minutes for a set white and a jammy, soft-centred yolk.|Move them immediately into ice water for a few minutes to stop the cooking.|Peeling is easier under running water, starting from the wide end where the air pocket sits.|For example, for ramen eggs boil them for exactly 6 minutes 30 seconds, chill, then marinate the peeled eggs overnight in equal parts soy sauce, mirin and water.|About 6.5 to 7 minutes in boiling water, then straight into ice water.|Are you using large eggs or a different size?
            COOKING|How can I make my stir-fry taste like takeout?|Cook over the highest heat you have and in small batches so the ingredients sear instead of steam.|Cut everything to a similar size and have it ready before you start, because the cooking takes only minutes.|Marinate the meat briefly with soy sauce and a little cornstarch so it stays tender.|Add the sauce at the very end and let it bubble for a few seconds until glossy.|For example, a basic sauce is 2 tablespoons soy sauce, 1 tablespoon oyster sauce, 1 teaspoon sugar, 1 teaspoon cornstarch and 3 tablespoons water.|Very high heat, small batches, prepped ingredients and a cornstarch-thickened sauce.|What protein and vegetables do you usually use?
            COOKING|What should I keep in my pantry to cook quick dinners?|Keep a few grains and starches such as pasta, rice, noodles and couscous.|Canned beans, tomatoes, coconut milk and tuna turn into a meal in under 20 minutes.|Flavour builders like soy sauce, stock cubes, spices, garlic, onions and vinegar matter more than any single ingredient.|Frozen peas, spinach and mixed vegetables fill the gaps when fresh produce runs out.|For example, pasta with canned tuna, garlic, chili flakes, lemon zest and frozen peas comes together in about 15 minutes.|Stock starches, canned proteins, flavour builders and frozen vegetables.|What kinds of cuisine do you enjoy most?
            COOKING|How do I keep fresh herbs from wilting?|Treat soft herbs like parsley, cilantro and mint like flowers: trim the stems and stand them in a glass of water.|Cover them loosely with a plastic bag and keep them in the fridge, except basil, which prefers room temperature.|Hardy herbs such as rosemary and thyme last longest wrapped in a slightly damp paper towel inside a container.|Change the water every couple of days and remove any leaves that turn dark.|For example, cilantro stored upright in water in the fridge typically stays fresh for about a week instead of two or three days.|Soft herbs in water like a bouquet, hardy herbs in a damp towel.|Which herbs do you buy most often?
            PROGRAMMING|How do I reverse a string in Python?|The idiomatic way is slicing with a step of minus one, which returns a new reversed string.|Strings are immutable in Python, so every approach creates a new string rather than changing the original.|You can also use ''.join(reversed(s)), which some people find more explicit.|Slicing works on code points, so combined characters such as some emoji may not reverse the way a reader expects.|```python\\ntext = "hello"\\nprint(text[::-1])  # olleh\\n```|Use text[::-1].|Do you need to handle combined Unicode characters correctly?
            PROGRAMMING|What is the difference between a list and a tuple in Python?|Lists are mutable, so you can append, remove or change items after creating them.|Tuples are immutable, which makes them hashable and usable as dictionary keys when their items are hashable too.|Use tuples for fixed records such as coordinates and lists for collections that grow or change.|Tuples are slightly smaller in memory and faster to create, but that is rarely the deciding factor.|```python\\npoint = (3, 4)         # fixed pair\\nscores = [90, 85]\\nscores.append(77)      # lists can grow\\nlookup = {point: "A"}  # tuples can be keys\\n```|Lists change, tuples don't; pick by whether the data should stay fixed.|Are you deciding this for a specific piece of code?
            PROGRAMMING|How do I read a CSV file in Java?|For simple files without quoted commas, Files.lines plus String.split is enough.|Real-world CSV often contains quoted fields and embedded commas, so a library such as Apache Commons CSV or OpenCSV is safer.|Read the file with an explicit charset like UTF-8 to avoid platform-dependent surprises.|Use try-with-resources so the file handle is closed even when parsing fails.|```java\\ntry (var lines = Files.lines(Path.of("data.csv"), StandardCharsets.UTF_8)) {\\n    lines.skip(1).map(l -> l.split(",")).forEach(r -> System.out.println(r[0]));\\n}\\n```|Files.lines for simple files, a CSV library for anything with quoting.|Does your file contain quoted fields or a header row?
            PROGRAMMING|How do I undo my last git commit?|If the commit is not pushed yet, git reset --soft HEAD~1 removes the commit but keeps your changes staged.|Use git reset --hard HEAD~1 only if you really want to throw the changes away.|If the commit is already pushed and shared, prefer git revert, which creates a new commit that undoes it.|To fix the message or add a forgotten file, git commit --amend is usually the simplest option.|```bash\\ngit reset --soft HEAD~1   # undo the commit, keep changes staged\\ngit status                # review what is staged\\n```|Unpushed: git reset --soft HEAD~1. Pushed: git revert.|Has the commit already been pushed to a shared branch?
            PROGRAMMING|Why is my JavaScript fetch returning a Promise instead of data?|fetch is asynchronous, so it returns a Promise that resolves later rather than the data itself.|You need to await the call inside an async function, or chain .then to work with the result.|The response body also has to be parsed, which is a second asynchronous step with response.json().|Check response.ok as well, because fetch does not reject on HTTP errors like 404 or 500.|```javascript\\nasync function loadUser(id) {\\n  const res = await fetch(`/api/users/${id}`);\\n  if (!res.ok) throw new Error(`HTTP ${res.status}`);\\n  return res.json();\\n}\\n```|Await the fetch, then await response.json().|Are you calling this from a browser or from Node.js?
            PROGRAMMING|How do I remove duplicates from a list while keeping order in Python?|Since Python 3.7 dictionaries keep insertion order, so dict.fromkeys gives a neat one-liner.|Converting to a set also removes duplicates, but it loses the original order.|For unhashable items such as lists, loop over the items and keep a record of what you have already seen.|Both approaches run in linear time for hashable items.|```python\\nitems = [3, 1, 3, 2, 1]\\nunique = list(dict.fromkeys(items))\\nprint(unique)  # [3, 1, 2]\\n```|list(dict.fromkeys(items)) keeps the first occurrence of each value.|Are your items hashable, or do they include dicts or lists?
            PROGRAMMING|What is a SQL JOIN and when do I use LEFT JOIN?|A JOIN combines rows from two tables based on a matching column, such as a customer id.|An INNER JOIN keeps only rows that have a match in both tables.|A LEFT JOIN keeps every row from the left table and fills in NULLs where the right table has no match.|Use LEFT JOIN when missing matches are meaningful, for example customers who have never ordered.|```sql\\nSELECT c.name, COUNT(o.id) AS orders\\nFROM customers c\\nLEFT JOIN orders o ON o.customer_id = c.id\\nGROUP BY c.name;\\n```|INNER JOIN keeps matches only; LEFT JOIN keeps all rows from the left table.|Which database are you using?
            PROGRAMMING|How should I structure error handling in a REST API?|Return consistent error bodies with a machine-readable code and a human-readable message.|Map errors to the right HTTP status: 400 for bad input, 404 for missing resources, 409 for conflicts and 500 for unexpected failures.|Handle exceptions in one central place instead of wrapping every endpoint in its own try-catch.|Log the full details on the server but never leak stack traces to clients.|```json\\n{\\n  "code": "ORDER_NOT_FOUND",\\n  "message": "Order 1842 does not exist"\\n}\\n```|Consistent error bodies, correct status codes, one central handler.|Which framework is your API built with?
            PROGRAMMING|How do I write a unit test in JUnit 5?|Annotate a method with @Test in a class under src/test/java; neither needs to be public.|Use assertions such as assertEquals and assertThrows to check results and failures.|Keep each test focused on one behaviour and name it after what it verifies.|Use @BeforeEach for shared setup rather than repeating it in every test.|```java\\nclass CalculatorTest {\\n    @Test\\n    void addsTwoNumbers() {\\n        assertEquals(5, new Calculator().add(2, 3));\\n    }\\n}\\n```|Annotate with @Test and check results with assertEquals or assertThrows.|Are you using Maven or Gradle to run your tests?
            PROGRAMMING|What does Big O notation mean?|Big O describes how the running time or memory of an algorithm grows as the input size grows.|It ignores constant factors and keeps the dominant term, so 3n + 10 is written O(n).|Common classes are O(1) constant, O(log n) logarithmic, O(n) linear, O(n log n) and O(n^2) quadratic.|It usually describes the worst case, although average-case bounds are also common.|```python\\ndef contains(items, target):  # O(n): may check every item\\n    for item in items:\\n        if item == target:\\n            return True\\n    return False\\n```|It tells you how cost grows with input size, ignoring constants.|Would a comparison of common sorting algorithms help?
            TRAVEL|What should I pack for a one-week trip to Japan in spring?|Spring temperatures range from cool mornings to mild afternoons, so pack layers and a light jacket.|Bring comfortable walking shoes that are easy to slip off, since you often remove shoes indoors.|Carry some cash, because smaller restaurants and shrines may not accept cards.|A compact umbrella and a small bag for your own rubbish are useful, as public bins are rare.|For example, a carry-on with five tops, two pairs of trousers, a light jacket, a sweater and one pair of walking shoes covers a week if you do laundry once.|Layers, slip-on walking shoes, some cash and an umbrella.|Which cities are you planning to visit?
            TRAVEL|How can I find cheap flights?|Compare prices on a flight search engine with flexible dates, since shifting a day or two often saves a lot.|Set price alerts for your route and book when the fare drops below its usual range.|Consider nearby airports and budget airlines, but add baggage fees before comparing.|Booking one to three months ahead is usually cheapest for domestic routes and two to six months for long-haul.|For example, flying on a Tuesday instead of a Friday on a popular European route can cut the fare by 30 percent or more.|Be flexible on dates and airports, set alerts, and compare the total price including bags.|Where and roughly when are you flying?
            TRAVEL|Is it worth getting travel insurance?|Travel insurance is most valuable when your trip is expensive, non-refundable or far from home.|Medical coverage matters most, since treatment abroad can be extremely costly without it.|Check whether your credit card or existing health plan already covers some of the same risks.|Read the exclusions carefully, particularly for pre-existing conditions and adventure sports.|For example, a policy costing around 5 percent of a 3,000 dollar trip can cover cancellation plus emergency medical costs that might otherwise run into tens of thousands.|Usually yes for costly or international trips, mainly for the medical cover.|Where are you travelling, and do you have any existing cover?
            TRAVEL|How do I plan a road trip itinerary?|Decide your start, end and must-see stops first, then fill in the route between them.|Limit driving to about four or five hours a day so there is time to actually enjoy the stops.|Book accommodation in popular areas ahead, but leave a few nights flexible.|Plan fuel stops, rest breaks and offline maps for stretches with poor signal.|For example, a five-day California coast trip could go San Francisco, Monterey, Big Sur, San Luis Obispo and Santa Barbara, with two to three hours of driving per day.|Fix the key stops, keep daily driving short, and leave some slack.|Which region are you thinking of driving through?
            TRAVEL|How do I deal with jet lag?|Start shifting your sleep by an hour a day for a few days before you leave.|On arrival, get outside in daylight and stay awake until local bedtime.|Stay hydrated and keep caffeine and alcohol moderate during the flight.|Short naps under 30 minutes can help, but long ones make adjusting harder.|For example, flying from New York to Paris you lose six hours, so a morning walk in sunlight on your first day helps reset your body clock faster.|Pre-shift your sleep, seek daylight and stay up until local bedtime.|Are you travelling east or west, and across how many time zones?
            TRAVEL|What are some tips for travelling solo for the first time?|Choose a destination with good public transport and a strong traveller community.|Stay in hostels or guesthouses with common areas, which make it easy to meet people.|Share your itinerary with someone at home and keep digital copies of your documents.|Plan a few activities, such as walking tours or cooking classes, that give your days some structure.|For example, Lisbon is a popular first solo trip: it is walkable and has many free walking tours and hostels with social dinners.|Pick an easy destination, stay somewhere social, and share your plans.|What kind of trip appeals to you: cities, nature or beaches?
            TRAVEL|How do I avoid tourist traps when eating abroad?|Walk a couple of streets away from the main sights, where prices drop and locals eat.|Be wary of picture menus in many languages and staff inviting you in from the street.|Look at where locals queue at lunchtime and check recent reviews written in the local language.|Ask your host for their own favourite place rather than the best restaurant in town.|For example, in Rome a plate of cacio e pepe next to the Trevi Fountain can cost twice as much as in a trattoria in Testaccio.|Move away from the sights, follow the locals and ask your hosts.|Which country are you heading to?
            TRAVEL|How much should I budget for a week in Europe?|The biggest variables are the country, your accommodation and how often you move between cities.|In Western Europe, budget travellers often spend about 80 to 120 euros a day including a hostel or simple hotel.|Central and Eastern Europe are noticeably cheaper, often 50 to 80 euros a day for a similar style of travel.|Add flights or trains between cities separately, and keep a buffer of 10 to 15 percent for surprises.|For example, seven days in Prague and Budapest at 70 euros a day plus a 30 euro train ticket comes to about 520 euros before flights.|Roughly 50 to 120 euros a day depending on the region, plus transport.|Which countries are you considering?
            TRAVEL|What is the best way to get around a new city?|Public transit is usually the cheapest and fastest option in large cities, so download the local transit app.|Buy a day or multi-day pass if you will take more than three rides a day.|Walking the central neighbourhoods is often the best way to get a feel for a place.|Use ride-hailing or taxis late at night or when carrying luggage, and check the typical fare first.|For example, a 72-hour transit pass in Berlin covers the airport train and all city lines, which pays for itself after about six rides.|Transit pass for distances, walking for the centre, taxis for late nights.|Which city are you visiting?
            TRAVEL|How do I prepare for a long-haul flight?|Pick an aisle seat if you like to move around and a window seat if you want to sleep.|Wear comfortable layers, since cabin temperatures vary a lot.|Bring a refillable water bottle, a neck pillow, earplugs or headphones, and snacks.|Get up and walk every couple of hours and flex your ankles to keep your circulation going.|For example, on a 12-hour overnight flight, eating before boarding and sleeping soon after takeoff helps you arrive more rested.|Choose your seat wisely, dress in layers, stay hydrated and move regularly.|How long is your flight?
            HEALTH|How can I improve my sleep?|Keep a consistent sleep and wake time, even on weekends.|Avoid caffeine after early afternoon and heavy meals close to bedtime.|Keep your bedroom dark, quiet and cool, around 18 degrees C.|Put screens away 30 to 60 minutes before bed and use that time to wind down.|For example, if you need to be up at 7:00 and want eight hours, aim for lights out at 23:00 every night, including Saturdays.|A regular schedule, less late caffeine, and a dark, cool bedroom.|Is your main problem falling asleep or staying asleep?
            HEALTH|What is a good beginner workout routine?|Start with three full-body sessions a week on non-consecutive days.|Focus on basic movements: squats, push-ups, rows, hip hinges such as deadlifts, and planks.|Do two to three sets of 8 to 12 repetitions and add weight or reps gradually.|Add two days of brisk walking or cycling for cardio, and rest properly in between.|For example, Monday, Wednesday and Friday: 3 sets each of goblet squats, push-ups, dumbbell rows and 30-second planks, taking about 40 minutes.|Three full-body sessions a week with simple compound moves, progressing slowly.|Do you have access to a gym, or are you training at home?
            HEALTH|How much water should I drink a day?|A common guideline is around 2 to 3 litres of total fluid a day for adults, including water from food.|Needs rise with heat, exercise, pregnancy and illness.|Pale yellow urine is a simple sign that you are drinking enough.|Thirst is a reliable guide for most healthy people, so there is no need to force large amounts.|For example, someone who runs for an hour on a hot day may need an extra 0.5 to 1 litre on top of their usual intake.|Around 2 to 3 litres for most adults, more with heat and exercise.|Are you asking about everyday life or about sports?
            HEALTH|How can I reduce stress during a busy week?|Write down everything on your mind and pick the three tasks that really matter each day.|Protect your sleep and short breaks, because they make the rest of your hours more productive.|Even a 10-minute walk or a few minutes of slow breathing lowers tension noticeably.|Say no or renegotiate deadlines where you can instead of silently absorbing more work.|For example, box breathing means breathing in for four seconds, holding for four, breathing out for four and holding for four, repeated for two minutes.|Prioritise ruthlessly, protect sleep, and take short movement or breathing breaks.|What is causing most of the pressure this week?
            HEALTH|Is it bad to sit at a desk all day?|Long uninterrupted sitting is linked to back pain, stiffness and poorer metabolic health.|The most effective fix is breaking it up: stand or move for a few minutes every 30 to 60 minutes.|Set up your desk so the screen is at eye level and your feet rest flat on the floor.|Regular exercise outside work helps, but it does not fully cancel out very long sitting periods.|For example, taking phone calls standing up and walking to refill your water every hour adds movement without disrupting your work.|Yes, if it is uninterrupted; break it up every 30 to 60 minutes.|Would you like some quick desk stretches?
            HEALTH|What should I eat before a morning run?|For runs under an hour, a small easily digested snack, or even nothing, can work fine.|Choose simple carbohydrates like a banana, toast with honey or a small bowl of oats.|Eat 30 to 60 minutes before running, and keep fat and fibre low to avoid stomach trouble.|Drink a glass of water when you wake up, especially in warm weather.|For example, a banana and a small coffee 45 minutes before a 10 km run is a common choice that sits well for most people.|A small carb snack like a banana 30 to 60 minutes before.|How long and how intense are your runs?
            HEALTH|How do I start meditating?|Start with five minutes a day, sitting comfortably with your eyes closed or softly focused.|Pay attention to the feeling of your breath, and when your mind wanders, gently bring it back.|Wandering is normal; noticing it and returning is the actual practice.|A guided app or recording can help at first, and consistency matters more than session length.|For example, you can count breaths from one to ten and start over whenever you lose count or reach ten.|Five minutes a day, focus on the breath, return gently when distracted.|Are you interested in apps, or would you prefer to practise without one?
            HEALTH|How can I cut down on sugar?|Start with drinks, since soda, juice and sweetened coffee are the biggest sources for many people.|Read labels for added sugar in sauces, yoghurts, cereals and bread.|Reduce gradually so your taste adjusts, for example halving the sugar in your coffee for a couple of weeks.|Keep filling snacks such as nuts, fruit and yoghurt around so you are less tempted by sweets.|For example, replacing one 330 ml can of soda a day with sparkling water removes about 35 g of sugar daily.|Cut sugary drinks first, read labels and reduce gradually.|Where do you think most of your sugar comes from?
            HEALTH|What are the signs of burnout?|Constant exhaustion that sleep and weekends do not fix is a common early sign.|Many people feel increasingly cynical or detached from their work and colleagues.|A sense that nothing you do makes a difference, together with dropping performance, often follows.|Physical symptoms such as headaches, poor sleep and frequent illness can appear as well.|For example, someone who used to enjoy their projects may start dreading Monday as early as Saturday and feel numb at work.|Ongoing exhaustion, cynicism and a feeling of ineffectiveness.|Would it help to talk through ways to recover or adjust your workload?
            HEALTH|How do I stretch after a workout?|Stretch while your muscles are still warm, right after your cool-down.|Hold each stretch for 20 to 30 seconds without bouncing.|Cover the muscles you used most, such as hamstrings, quads, hips, chest and shoulders.|Stretching should feel like mild tension, never sharp pain.|For example, for a standing quad stretch hold one ankle behind you with your knees together for 30 seconds per leg.|Gentle 20 to 30 second holds on warm muscles, no bouncing.|Which type of workout do you usually do?
            FINANCE|How do I start budgeting?|Track every expense for one month to see where your money actually goes.|Split your spending into needs, wants and savings, for example with the 50/30/20 rule.|Automate savings on payday so they happen before you can spend the money.|Review the budget monthly and adjust categories instead of abandoning it when you overspend.|For example, on a 3,000 dollar monthly take-home pay, 50/30/20 means 1,500 for needs, 900 for wants and 600 for savings.|Track spending, use a simple split like 50/30/20, and automate savings.|Would you prefer a spreadsheet or an app to track it?
            FINANCE|Should I pay off debt or invest first?|Compare your debt's interest rate with the return you could reasonably expect from investing.|High-interest debt, such as credit cards above roughly 8 percent, usually should be paid off first.|Take any employer retirement match first, since it is an immediate return.|Keep a small emergency fund while paying down debt so you don't have to borrow again.|For example, paying off a credit card at 22 percent interest is like earning a guaranteed 22 percent return, which no ordinary investment reliably beats.|Employer match first, then high-interest debt, then investing.|What interest rates are on your debts?
            FINANCE|What is an index fund?|An index fund tracks a market index, such as the S&P 500, instead of picking individual stocks.|Because it simply follows the index, its fees are usually very low.|It spreads your money across many companies, which reduces the damage any single company can do.|Over long periods most actively managed funds fail to beat their index after fees.|For example, a fund with a 0.05 percent annual fee costs 5 dollars a year on 10,000 dollars invested, versus 100 dollars for a 1 percent active fund.|A low-cost fund that owns a whole market index.|Are you investing through a retirement account or a regular brokerage account?
            FINANCE|How big should my emergency fund be?|A common target is three to six months of essential expenses.|Aim for six months or more if your income is irregular or you support others.|Keep it in an easily accessible, interest-bearing savings account, not in stocks.|Build it step by step; even one month of expenses is a meaningful first milestone.|For example, if rent, food, transport and bills cost 2,000 dollars a month, a three-month fund is 6,000 dollars.|Three to six months of essential expenses, in a savings account.|How stable is your income?
            FINANCE|How does compound interest work?|Compound interest means you earn interest on your original money and on the interest already earned.|The longer the money stays invested, the faster it grows, because each year's gain builds on a larger base.|That is why starting early matters more than starting with a large amount.|The same effect works against you with debt when unpaid interest is added to the balance.|For example, 10,000 dollars at 7 percent a year grows to about 19,700 in 10 years and about 76,000 in 30 years.|Interest earns interest, so time is the biggest factor.|Would you like to run the numbers for your own savings?
            FINANCE|How can I improve my credit score?|Pay every bill on time, since payment history is the largest factor in most scoring models.|Keep credit card balances low, ideally under 30 percent of your limits.|Avoid opening many new accounts in a short period.|Check your credit reports for errors and dispute anything incorrect.|For example, on a card with a 5,000 dollar limit, keeping the reported balance under 1,500 dollars helps your utilisation ratio.|Pay on time, keep balances low and limit new applications.|Do you know your current score, or are you starting from scratch?
            FINANCE|Is it better to rent or buy a home?|Buying tends to make sense if you plan to stay at least five to seven years.|Compare the full cost of owning, including maintenance, taxes, insurance and interest, with your rent.|Renting keeps you flexible and frees money that can be invested elsewhere.|Don't stretch to the maximum mortgage a bank offers; leave room for surprises.|For example, a 400,000 dollar home that rents for 1,600 a month has a price-to-rent ratio of about 21, which tends to favour renting.|Buy if you will stay long and the numbers work; otherwise renting is fine.|How long do you expect to stay in your current city?
            FINANCE|How do I save for retirement if I'm self-employed?|Self-employed people can use dedicated retirement accounts, such as a SEP IRA or Solo 401(k) in the US.|Set a fixed percentage of each payment aside, for example 15 percent, in a separate account.|Keep a separate tax reserve so retirement savings aren't raided at tax time.|Invest the money in diversified low-cost funds rather than leaving it in cash.|For example, saving 15 percent of a 60,000 dollar annual income is 9,000 dollars a year, or 750 dollars a month.|Use a self-employed retirement account and save a fixed percentage of every payment.|Which country are you based in?
            FINANCE|How do I stop impulse spending?|Use a 48-hour rule: wait two days before buying anything non-essential above a set amount.|Remove saved cards from shopping sites and unsubscribe from promotional emails.|Give yourself a small guilt-free spending allowance each month.|Keep a list of the things you are saving for so the trade-off is visible.|For example, if a 120 dollar jacket still feels worth it after two days and fits your allowance, buy it without guilt.|Add friction, wait before buying and keep a small allowance.|What do you tend to buy on impulse most often?
            FINANCE|What should I know before investing in stocks?|Only invest money you will not need for at least five years.|Diversify across many companies and sectors rather than betting on a few stocks.|Keep costs low by using low-fee brokers and funds.|Expect drops of 20 percent or more from time to time, and avoid selling in a panic.|For example, someone investing 200 dollars a month into a broad index fund buys more shares when prices fall, which smooths out the average purchase price.|Long horizon, broad diversification, low costs and patience.|Do you already have an emergency fund in place?
            WRITING|Can you help me write a polite email asking for a deadline extension?|Ask early, and be direct about what you need in the first two sentences.|Give a brief, honest reason without over-explaining.|Propose a specific new date and mention what you can deliver in the meantime.|Thank the person and acknowledge any inconvenience.|For example: "Hi Dana, I'm writing to ask whether I could submit the report on Friday the 14th instead of Wednesday. A data issue took longer to fix than expected, and I can send a draft of the first section by Wednesday. Thank you for considering this."|Ask early, give a short reason, and propose a specific new date.|Who is the email going to, and what is the deadline for?
            WRITING|How do I write a strong opening line for an essay?|Open with something concrete: a surprising fact, a short scene or a sharp question.|Make sure the opening connects directly to your main argument.|Avoid dictionary definitions and sweeping statements like "since the dawn of time".|Write the opening last, once you know exactly what the essay argues.|For example, instead of "Technology has changed our lives," try "Last year the average adult checked their phone 144 times a day."|Start concrete and tie it to your thesis.|What is your essay about?
            WRITING|How can I make my writing more concise?|Cut filler words like "very", "really", "actually" and "in order to".|Prefer active voice and strong verbs over noun-heavy phrases.|Keep one idea per sentence and split long sentences.|Read your draft aloud; anything you stumble over is a candidate for cutting.|For example, "We made the decision to carry out an analysis of the data" becomes "We analysed the data."|Cut filler, use active verbs and keep sentences short.|Would you like me to edit a paragraph of yours?
            WRITING|How do I write a good cover letter?|Address it to a specific person where possible and name the role in the first line.|Pick two or three achievements that match the job description and give numbers.|Explain why you want this company in particular, not just any job.|Keep it to one page and end with a clear, confident closing line.|For example: "In my last role I cut support response times by 40 percent by redesigning our ticket triage, which is why your focus on customer experience caught my attention."|Be specific, show matching achievements, and keep it to one page.|What role are you applying for?
            WRITING|What is the difference between "affect" and "effect"?|"Affect" is usually a verb meaning to influence something.|"Effect" is usually a noun meaning the result of a change.|A common memory aid is that affect is the action and effect is the end result.|There are exceptions: "to effect change" means to bring it about, and "affect" is a noun in psychology.|For example: "The weather affected our plans, and the effect was a much shorter hike."|Affect is the action, effect is the result.|Are there other word pairs you often mix up?
            WRITING|How do I give constructive feedback on a colleague's writing?|Start with what works, so the writer knows what to keep.|Focus on the two or three issues that matter most rather than every small edit.|Make comments specific and tied to the reader's experience, such as "I got lost here".|Suggest options rather than rewriting everything in your own voice.|For example: "The data section is convincing. In the introduction I wasn't sure what the main recommendation was; could it move to the first paragraph?"|Be specific, prioritise the biggest issues and suggest rather than rewrite.|What kind of document are you reviewing?
            WRITING|Can you help me write a short bio for a conference?|Write in the third person and keep it to about 50 to 100 words.|Lead with your current role and the area you are known for.|Add one or two concrete achievements relevant to the talk.|End with a brief human detail, such as a hobby, if the event is informal.|For example: "Maya Chen is a data engineer at Northwind, where she builds streaming pipelines processing 2 billion events a day. She has spoken at PyData and, when offline, restores old bicycles."|Third person, current role first, one or two achievements, under 100 words.|What is your role, and what is the talk about?
            WRITING|How do I structure a persuasive speech?|Open with a hook that makes the problem feel real to your audience.|State your position clearly and early.|Support it with three strong points, each backed by evidence or a story.|Address the main objection, then close with a clear call to action.|For example, a speech for a new bike lane could open with a near-miss story, argue safety, cost and health, address parking concerns and end by asking the council to vote yes.|Hook, clear position, three supported points, rebuttal and call to action.|Who is your audience, and how long is the speech?
            WRITING|How can I overcome writer's block?|Lower the bar and write a deliberately rough draft that nobody else will see.|Set a short timer, such as 15 minutes, and keep typing until it rings.|Start with the easiest section rather than the introduction.|Change your environment or talk the idea through out loud, then write down what you said.|For example, write "What I'm trying to say is..." at the top of the page and finish the sentence without worrying about style.|Write badly on purpose, time-box it and start with the easy part.|What are you working on right now?
            WRITING|How do I write a clear project status update?|Start with the overall status, such as on track, at risk or blocked, in one line.|List what was done since the last update and what comes next.|Highlight risks and decisions needed, with owners and dates.|Keep it short enough to read in under a minute.|For example: "Status: at risk. Done: API integration. Next: load testing by 12 May. Risk: vendor sandbox outage; we need a decision on the fallback provider by Friday."|Status first, then progress, next steps and risks with owners.|Who reads your updates, and how often do you send them?
            SCIENCE|Why is the sky blue?|Sunlight contains all colours, and as it passes through the atmosphere it scatters off gas molecules.|Shorter wavelengths such as blue scatter much more strongly than longer red wavelengths, an effect called Rayleigh scattering.|That scattered blue light reaches your eyes from every direction, so the whole sky looks blue.|At sunset light travels through more air, so more blue is scattered away and reds and oranges dominate.|For example, blue light at about 450 nm scatters roughly five times more than red light at about 700 nm.|Air molecules scatter blue light much more than red.|Would you like to know why the sky isn't violet instead?
            SCIENCE|How do vaccines work?|Vaccines train the immune system to recognise a germ without causing the disease.|They contain a harmless piece or version of the pathogen, or instructions for making one of its proteins.|The immune system responds by making antibodies and memory cells.|If the real pathogen appears later, the body recognises it and responds much faster.|For example, mRNA vaccines give cells instructions to make the coronavirus spike protein, which the immune system then learns to recognise.|They teach the immune system to recognise a germ in advance.|Are you curious about a specific type of vaccine?
            SCIENCE|What is quantum entanglement in simple terms?|Entanglement links particles so that their measured properties are correlated, even when they are far apart.|Before measurement, neither particle has a definite value on its own; only the pair as a whole is described.|When you measure one, you immediately know what a matching measurement on the other will show.|This cannot be used to send messages faster than light, because the individual outcomes are random.|For example, two entangled photons might always give opposite polarisation results, but each result on its own looks like a coin flip.|Correlated particles whose outcomes match, without faster-than-light signalling.|Would you like to hear how entanglement is used in quantum computing?
            SCIENCE|How does photosynthesis work?|Plants capture light energy with chlorophyll in their chloroplasts.|That energy splits water, releasing oxygen and producing energy carriers called ATP and NADPH.|In the Calvin cycle, these carriers are used to turn carbon dioxide into sugars.|The overall result is that carbon dioxide and water become glucose and oxygen.|For example, a large tree can absorb roughly 20 kg of carbon dioxide per year through this process.|Light energy turns carbon dioxide and water into sugar and oxygen.|Is this for a class, and at what level?
            SCIENCE|Why do we have seasons?|Earth's axis is tilted by about 23.5 degrees relative to its orbit.|As Earth orbits the Sun, one hemisphere is tilted towards it and gets more direct sunlight and longer days.|The other hemisphere receives sunlight at a lower angle and has winter.|Distance from the Sun is not the cause; Earth is actually closest to the Sun in January.|For example, in June the Northern Hemisphere leans towards the Sun, so London gets about 16.5 hours of daylight while Sydney gets about 10.|The tilt of Earth's axis, not the distance from the Sun.|Would a simple diagram or analogy help?
            SCIENCE|What is a black hole?|A black hole is a region where gravity is so strong that nothing, not even light, can escape.|It forms when a very massive star collapses at the end of its life.|The boundary beyond which escape is impossible is called the event horizon.|We detect black holes through their effects on nearby stars and gas, and through gravitational waves.|For example, the black hole at the centre of our galaxy, Sagittarius A*, has about four million times the mass of the Sun.|A region of gravity so strong that light cannot escape.|Do you want to know what happens at the event horizon?
            SCIENCE|How does the immune system fight a cold?|Colds are caused by viruses, most often rhinoviruses, that infect the lining of your nose and throat.|Your innate immune system responds first with inflammation, which causes the runny nose and sore throat.|Over several days, the adaptive immune system produces antibodies and T cells that clear the virus.|Antibiotics do not help, because they act on bacteria rather than viruses.|For example, most colds peak around day two or three and clear up within 7 to 10 days as the adaptive response takes over.|Inflammation first, then antibodies and T cells clear the virus.|Would you like to know what actually helps with the symptoms?
            SCIENCE|What is DNA and how does it store information?|DNA is a long molecule made of two strands twisted into a double helix.|Information is stored in the sequence of four bases: adenine, thymine, cytosine and guanine.|Groups of three bases code for specific amino acids, the building blocks of proteins.|Because the strands are complementary, each can serve as a template to copy the other.|For example, the sequence ATG codes for the amino acid methionine and usually marks where a protein starts.|A sequence of four bases that encodes proteins, three letters at a time.|Would you like to learn how DNA is copied or how genes are switched on?
            SCIENCE|Why does ice float on water?|Most substances are denser as solids, but water is unusual.|When water freezes, hydrogen bonds lock the molecules into an open hexagonal structure.|That structure takes up more space, making ice about 9 percent less dense than liquid water.|Floating ice insulates the water below, which helps lakes stay liquid and life survive in winter.|For example, 1 litre of water freezes into roughly 1.09 litres of ice, which is why full bottles crack in the freezer.|Frozen water forms an open structure that is less dense than liquid water.|Are you interested in other unusual properties of water?
            SCIENCE|How do electric cars work?|An electric car stores energy in a large battery pack, usually lithium-ion.|An inverter converts the battery's direct current into alternating current for the electric motor.|The motor turns the wheels through a simple single-speed gearbox.|When braking, the motor works as a generator and returns some energy to the battery.|For example, a car using 16 kWh per 100 km can drive about 375 km on a 60 kWh battery.|Battery, inverter, motor and regenerative braking.|Are you thinking about buying one?
            CAREER|How do I prepare for a job interview?|Research the company's products, recent news and the team you would join.|Prepare short stories for common questions using the situation, task, action and result structure.|Practise out loud, ideally with someone who can give you feedback.|Prepare two or three thoughtful questions for the interviewer.|For example, for "Tell me about a conflict" you might describe a disagreement over a release date, how you proposed a phased launch and what happened.|Research, prepare STAR stories, practise aloud and bring questions.|What kind of role is the interview for?
            CAREER|How do I ask for a raise?|Time the conversation well, such as after a strong result or ahead of budget planning.|Gather evidence of your impact and market salary data for your role.|Ask for a specific number or range, not just "more".|If the answer is no, ask what would need to happen and agree on a timeline.|For example: "Over the last year I led the migration that cut hosting costs by 25 percent. Based on that and market data, I'd like to discuss moving my salary to 85,000."|Bring evidence, ask for a specific number and agree on next steps.|When is your next performance review?
            CAREER|Should I switch careers in my thirties?|Many people change careers successfully in their thirties and later.|Test the new field first with a side project, course or informational interviews.|Look for transferable skills that let you enter at a level above complete beginner.|Plan your finances for a possible temporary pay cut.|For example, a teacher moving into instructional design can reuse curriculum and presentation skills and build a portfolio with two or three sample courses.|Yes, if you test the field first and plan the transition.|Which field are you thinking of moving into?
            CAREER|How do I write a good resume?|Tailor it to each job by mirroring the key skills in the job description.|Write achievements rather than duties, with numbers where possible.|Keep it to one page if you have less than ten years of experience.|Use a clean, simple layout so applicant tracking systems can read it.|For example, replace "Responsible for social media" with "Grew Instagram following from 2,000 to 15,000 in 12 months."|Tailored, achievement-focused and concise.|What kind of role are you applying for?
            CAREER|How can I become a better manager?|Hold regular one-on-ones focused on your team members' goals and obstacles.|Set clear expectations and explain the reasoning behind decisions.|Give specific feedback often, both positive and corrective.|Protect your team's focus by handling interruptions and unclear priorities yourself.|For example, a 30-minute weekly one-on-one could cover what is going well, what is blocking them and one development topic.|Regular one-on-ones, clear expectations and frequent feedback.|How large is your team, and how long have you been managing?
            CAREER|How do I negotiate a job offer?|Express enthusiasm first, then ask whether there is flexibility.|Research market pay so your counteroffer is grounded in data.|Negotiate the whole package: salary, signing bonus, start date, remote work and vacation.|Get the final offer in writing before accepting.|For example: "I'm excited about the role. Based on market data for similar positions, I was hoping for a base closer to 95,000. Is there flexibility?"|Be enthusiastic, use market data and negotiate the full package.|Do you have competing offers?
            CAREER|How do I build a professional network?|Start with people you already know, such as former colleagues and classmates.|Offer help and share useful things before asking for favours.|Attend a few events or online communities in your field regularly instead of many just once.|Follow up after conversations with a short, specific message.|For example: "Great talking about data pipelines at Tuesday's meetup. Here's the article on backfills I mentioned."|Start with existing contacts, give first and follow up.|Which industry are you in?
            CAREER|What should I do in my first 90 days at a new job?|Spend the first month listening and learning how things actually work.|Meet your key stakeholders and ask what success looks like to them.|Look for an early, visible win that is small enough to deliver quickly.|Agree on goals with your manager and check in on progress regularly.|For example, a new analyst might automate a weekly report that takes someone three hours, which earns trust quickly.|Listen, build relationships, get a small early win and align on goals.|What is your new role?
            CAREER|How do I deal with a difficult coworker?|Assume good intent at first and try to understand the pressures they are under.|Talk to them privately and describe specific behaviour and its impact.|Keep interactions professional and write down facts if the problem continues.|Involve your manager if the behaviour persists or affects your work.|For example: "In yesterday's meeting I was interrupted a few times and couldn't finish my update. Can we agree to let each other finish?"|Talk privately and specifically, stay professional, escalate if needed.|What kind of behaviour are you dealing with?
            CAREER|Is a master's degree worth it?|It depends heavily on the field; some roles require it, while in others experience counts more.|Check whether the job postings you want actually ask for it.|Compare the full cost, including lost income, with the expected salary gain.|Employer sponsorship or part-time programmes can reduce the cost significantly.|For example, a 60,000 dollar degree plus a year of lost salary may take many years to repay unless it unlocks a clearly higher-paying role.|Worth it when your target roles require it or pay clearly more.|Which field and which degree are you considering?
            """;
}
