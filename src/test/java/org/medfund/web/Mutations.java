package org.medfund.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.medfund.web.ApiFuzzProperties.Mutation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mutations of {@link ApiFuzzProperties}: each takes a plausible request and makes it invalid in one way that
 * no correct service may accept, whatever the rest of the request says. Answers null when the request has nothing
 * the mutation can act on (a command without dates gets no bad date).
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "ZZFUZZMARKZZ";
    /** Fields holding a code the service looks up or checks the format of: garbage there is always refused. */
    private static final Set<String> CODES = Set.of("hospitalCode", "regionCode", "insuranceType", "insutype",
            "clrType", "setlOptins", "clerk", "fixmedins_code", "clr_optins", "insuplc_admdvs", "mdtrtarea_admvs",
            "pay_loc", "med_type", "clr_type", "fund_pay_type", "kind", "parentId");
    /** Business dates: each command checks its own against the calendar. */
    private static final Set<String> BUSINESS_DATES = Set.of("date", "appliedOn");

    private Mutations() {
    }

    record Result(byte[] bytes, String description) {
    }

    /** A place in the body: a property of an object or an element of an array, with its schema. */
    record Slot(JsonNode parent, String name, int index, JsonNode schema, boolean required, String path) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        boolean scalar() {
            String type = ApiFuzzProperties.Schemas.type(schema);
            return !type.equals("object") && !type.equals("array");
        }

        String pattern() {
            return schema == null ? "" : schema.path("pattern").asString("");
        }

        boolean amount() {
            return pattern().equals(OpenApiConfig.MONEY_PATTERN) || pattern().equals(OpenApiConfig.AMOUNT_PATTERN);
        }
    }

    static Result apply(Mutation mutation, JsonNode base, JsonNode schema, Map<String, String> pathValues,
                        Map<String, String> query, Random random) {
        JsonNode body = base == null ? null : base.deepCopy();
        List<Slot> slots = new ArrayList<>();
        if (body != null) {
            collect(body, schema, "", slots);
        }
        return switch (mutation) {
            case WRONG_TYPE -> change(body, slots, s -> s.scalar() || s.schema() != null, random, s -> wrongType(s,
                    random));
            case MISSING_REQUIRED -> {
                Slot s = pick(slots, x -> x.required() && x.parent() instanceof ObjectNode, random);
                if (s == null) {
                    yield null;
                }
                ((ObjectNode) s.parent()).remove(s.name());
                yield result(body, "without " + s.path());
            }
            case NULL_REQUIRED -> change(body, slots, Slot::required, random, s -> NODES.nullNode());
            case ARRAY_FOR_SCALAR -> change(body, slots, Slot::scalar, random, s -> one(random,
                    NODES.arrayNode().add("x"), NODES.arrayNode().add(1), NODES.arrayNode()));
            case OBJECT_FOR_SCALAR -> change(body, slots, Slot::scalar, random, s -> one(random,
                    NODES.objectNode().put("a", 1), NODES.objectNode()));
            case HUGE_NUMBER -> change(body, slots, s -> type(s).equals("integer") || type(s).equals("number")
                    || s.amount(), random, s -> huge(s, random));
            case NEGATIVE -> change(body, slots, s -> type(s).equals("integer") && s.schema().path("minimum")
                    .asDouble(-1) >= 0 || s.pattern().startsWith("^[0-9]") || s.pattern().startsWith("[0-9]"),
                    random, s -> type(s).equals("integer") ? NODES.numberNode(-1 - random.nextInt(1000))
                            : NODES.stringNode("-" + ApiFuzzProperties.Examples.scalar(s.name(), s.schema())));
            case BAD_DATE -> change(body, slots, s -> date(s) || month(s) || s.name().equals("setl_time"), random,
                    s -> NODES.stringNode(badDate(s, random)));
            case OUT_OF_CALENDAR -> {
                Result r = change(body, slots, s -> date(s) && BUSINESS_DATES.contains(s.name()), random,
                        s -> NODES.stringNode(one(random, "2003-10-20", "2099-01-01", "1970-01-01", "2019-12-31")));
                if (r == null && query.containsKey("appliedOn")) {
                    query.put("appliedOn", one(random, "2003-10-20", "2099-01-01"));
                    r = result(body, "appliedOn=" + query.get("appliedOn"));
                }
                yield r;
            }
            case UNKNOWN_ENUM -> {
                Result r = change(body, slots, s -> s.schema() != null && s.schema().has("enum"), random,
                        s -> NODES.stringNode(one(random, "NOT_A_VALUE", "", s.schema().get("enum").get(0).asString()
                                .toLowerCase() + "x")));
                yield r;
            }
            case WRONG_CODE -> change(body, slots, s -> CODES.contains(s.name()) && type(s).equals("string"), random,
                    s -> NODES.stringNode(one(random, "' or 1=1 --", "ZZZZ", "99999999999", "<script>", "H0")));
            case CONTROL_CHARACTER -> change(body, slots, s -> type(s).equals("string") && !s.amount()
                    && !(s.schema() != null && s.schema().has("enum")), random,
                    s -> NODES.stringNode(ApiFuzzProperties.Examples.scalar(s.name(), s.schema())
                            + one(random, "\u0000", "\u0007", "\u001b", "\u0000x")));
            case INVALID_UTF8 -> invalidUtf8(body, slots, random);
            case TOO_LONG -> change(body, slots, s -> s.schema() != null && s.schema().has("maxLength"), random,
                    s -> NODES.stringNode("长".repeat(s.schema().get("maxLength").asInt() + 1 + random.nextInt(50))));
            case UNKNOWN_FIELD -> {
                List<JsonNode> objects = new ArrayList<>();
                if (body instanceof ObjectNode) {
                    objects.add(body);
                }
                slots.stream().map(Slot::parent).filter(p -> p instanceof ObjectNode).forEach(objects::add);
                if (objects.isEmpty()) {
                    yield null;
                }
                ((ObjectNode) objects.get(random.nextInt(objects.size()))).put("fz_unknown_field", 1);
                yield result(body, "with fz_unknown_field");
            }
            case MALFORMED_JSON -> malformed(body, random);
            case WRONG_ROOT -> {
                String root = one(random, "[]", "\"x\"", "1", "null", "true", "[{}]");
                yield new Result(root.getBytes(StandardCharsets.UTF_8), "body " + root);
            }
            case EMPTY_BODY -> new Result(new byte[0], "empty body");
            case BAD_PATH_PARAMETER -> {
                if (pathValues.isEmpty()) {
                    yield null;
                }
                List<String> names = new ArrayList<>(pathValues.keySet());
                String name = names.get(random.nextInt(names.size()));
                String value = one(random, "' or 1=1 --", "abc\u0000", "x".repeat(300), "99999999999999999999",
                        "NOT_A_VALUE", "2025-13");
                pathValues.put(name, value);
                yield result(body, "path " + name + "=" + printable(value));
            }
            case BAD_QUERY_PARAMETER -> {
                if (query.isEmpty()) {
                    yield null;
                }
                String name = query.keySet().iterator().next();
                if (random.nextBoolean()) {
                    query.remove(name);
                    yield result(body, "without query " + name);
                }
                query.put(name, one(random, "2025-02-30", "x", "", "2025/06/30"));
                yield result(body, "query " + name + "=" + query.get(name));
            }
            case MISSING_KEY -> result(body, "no Idempotency-Key");
            case LONG_KEY -> result(body, "Idempotency-Key of 101 characters");
        };
    }

    private static String type(Slot s) {
        return ApiFuzzProperties.Schemas.type(s.schema());
    }

    private static boolean date(Slot s) {
        return s.schema() != null && s.schema().path("format").asString("").equals("date");
    }

    private static boolean month(Slot s) {
        return s.pattern().equals(OpenApiConfig.MONTH_PATTERN);
    }

    private static void collect(JsonNode node, JsonNode schema, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object && schema != null && schema.has("properties")) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode propertySchema = schema.get("properties").get(name);
                String at = path.isEmpty() ? name : path + "." + name;
                slots.add(new Slot(object, name, -1, propertySchema, ApiFuzzProperties.Schemas.required(schema, name),
                        at));
                collect(object.get(name), propertySchema, at, slots);
            }
        } else if (node instanceof ArrayNode array && schema != null && schema.has("items")) {
            // An element is named after its array, so that name-based choices (codes, dates) still apply to it.
            String name = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                slots.add(new Slot(array, name, i, schema.get("items"), false, at));
                collect(array.get(i), schema.get("items"), at, slots);
            }
        }
    }

    private static Slot pick(List<Slot> slots, Predicate<Slot> fits, Random random) {
        List<Slot> candidates = slots.stream().filter(fits).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static Result change(JsonNode body, List<Slot> slots, Predicate<Slot> fits, Random random,
                                 java.util.function.Function<Slot, JsonNode> value) {
        Slot s = pick(slots, fits, random);
        if (s == null) {
            return null;
        }
        JsonNode v = value.apply(s);
        s.set(v);
        return result(body, s.path() + "=" + printable(v.toString()));
    }

    private static Result result(JsonNode body, String description) {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        return new Result(bytes, description);
    }

    /** A value of another JSON type than the field's own (amounts may be numbers, so they get booleans). */
    private static JsonNode wrongType(Slot s, Random random) {
        if (s.amount()) {
            return NODES.booleanNode(random.nextBoolean());
        }
        return switch (type(s)) {
            case "string" -> one(random, NODES.numberNode(12345), NODES.booleanNode(true), NODES.numberNode(1.5));
            case "integer" -> one(random, NODES.stringNode("12"), NODES.booleanNode(true), NODES.numberNode(1.5));
            case "number" -> one(random, NODES.stringNode("x"), NODES.booleanNode(false));
            case "boolean" -> one(random, NODES.numberNode(1), NODES.stringNode("true"), NODES.numberNode(0));
            case "array" -> one(random, NODES.stringNode("x"), NODES.numberNode(1), NODES.objectNode());
            default -> one(random, NODES.stringNode("x"), NODES.numberNode(1), NODES.arrayNode(),
                    NODES.booleanNode(true));
        };
    }

    private static JsonNode huge(Slot s, Random random) {
        if (s.amount()) {
            return NODES.stringNode(one(random, "99999999999999999999.99", "1e30", "100000000000.00"));
        }
        boolean int32 = s.schema().path("format").asString("").equals("int32");
        java.math.BigInteger over = int32 ? java.math.BigInteger.valueOf(Integer.MAX_VALUE + 1L)
                : new java.math.BigInteger("9223372036854775808");
        return NODES.numberNode(random.nextBoolean() ? over : over.negate().subtract(java.math.BigInteger.ONE));
    }

    private static String badDate(Slot s, Random random) {
        if (s.name().equals("setl_time")) {
            return one(random, "2026-02-30 10:00:00", "2026-10-05", "x", "2026-10-05 25:00:00");
        }
        if (month(s)) {
            return one(random, "2025-13", "202506", "2025-6", "", "2025-00", "2025-06-01");
        }
        return one(random, "2025-02-30", "20250630", "2025/06/30", "", "30-06-2025", "2025-6-30",
                "2025-06-30T00:00:00", " 2025-06-30", "2025-13-01");
    }

    /** The bytes ff fe c3 inside a string value: the body is then not UTF-8. */
    private static Result invalidUtf8(JsonNode body, List<Slot> slots, Random random) {
        Slot s = pick(slots, x -> type(x).equals("string"), random);
        if (s == null) {
            return null;
        }
        s.set(NODES.stringNode(MARK));
        byte[] text = body.toString().getBytes(StandardCharsets.UTF_8);
        String asText = new String(text, StandardCharsets.UTF_8);
        int at = asText.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.write('a');
        out.write(0xff);
        out.write(0xfe);
        out.write(0xc3);
        out.write('b');
        out.write(text, at + MARK.length(), text.length - at - MARK.length());
        return new Result(out.toByteArray(), s.path() + " has bytes ff fe c3");
    }

    private static Result malformed(JsonNode body, Random random) {
        String text = body == null ? "{}" : body.toString();
        String bad = switch (random.nextInt(4)) {
            case 0 -> text.substring(0, 1 + random.nextInt(Math.max(1, text.length() - 1)));
            case 1 -> text.replaceFirst(":", "=");
            case 2 -> text + one(random, "}", " x", ",{}");
            default -> text.replaceFirst("\\{", "{,");
        };
        return new Result(bad.getBytes(StandardCharsets.UTF_8), "malformed " + printable(bad.length() > 60
                ? bad.substring(0, 60) + "…" : bad));
    }

    @SafeVarargs
    private static <T> T one(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String printable(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > 120 ? s.substring(0, 120) + "…" : s.toString();
    }
}
