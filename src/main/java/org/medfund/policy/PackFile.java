package org.medfund.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.medfund.calendar.DeadlineRule;
import org.medfund.common.Rejection;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads one policy pack version from its data file ({@code policy/<id>.v<N>.pack}, format in
 * {@code policy/README.txt}). A malformed shipped file is a bug and fails loudly with the file and line.
 */
final class PackFile {

    static final String SHIPPED_PATTERN = "classpath*:policy/*.pack";

    /** A pack with more parameters than this is surely a broken file; the largest seed has about 35. */
    static final int PARAMETERS_MAX = 200;

    private static final Set<String> HEADER_KEYS = Set.of("id", "version", "title", "documentNo", "issuers", "seed",
            "region", "issuedOn", "effectiveFrom", "effectiveUntil", "effectiveConfigured", "governs");
    private static final Pattern RULE_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private PackFile() {
    }

    /** Every shipped pack version, in file-name order. */
    static List<PolicyPack> loadShipped() {
        return load(SHIPPED_PATTERN);
    }

    /** Every pack version matching a resource pattern such as {@code classpath*:policy/*.pack}. */
    static List<PolicyPack> load(String pattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(resources, (a, b) -> String.valueOf(a.getFilename())
                    .compareTo(String.valueOf(b.getFilename())));
            List<PolicyPack> packs = new ArrayList<>();
            for (Resource resource : resources) {
                packs.add(parse(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return packs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy packs " + pattern, e);
        }
    }

    static PolicyPack parse(String source, String text) {
        Map<String, String> header = new HashMap<>();
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String where = source + ":" + lineNo + ": ";
            int equals = content.indexOf('=');
            int colon = content.indexOf(':');
            if (colon > 0 && (equals < 0 || colon < equals) && HEADER_KEYS.contains(content.substring(0, colon))) {
                if (header.put(content.substring(0, colon), content.substring(colon + 1).strip()) != null) {
                    throw new IllegalStateException(where + "duplicate header " + content);
                }
                continue;
            }
            Parameter parameter = parameter(where, content);
            if (parameters.put(parameter.name(), parameter) != null) {
                throw new IllegalStateException(where + "duplicate rule " + parameter.name());
            }
            if (parameters.size() > PARAMETERS_MAX) {
                throw new IllegalStateException(where + "more than " + PARAMETERS_MAX + " rules");
            }
        }
        return pack(source, header, parameters);
    }

    private static Parameter parameter(String where, String content) {
        int equals = content.indexOf('=');
        if (equals < 0) {
            throw new IllegalStateException(where + "expected 'name = value | article | note': " + content);
        }
        String name = content.substring(0, equals).strip();
        String[] parts = content.substring(equals + 1).split("\\|", -1);
        if (!RULE_NAME.matcher(name).matches() || parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalStateException(where + "expected 'group.name = value | article | note': " + content);
        }
        Parameter parameter = new Parameter(name, parts[0].strip(), parts[1].strip(), parts[2].strip());
        if (name.endsWith("-by") || name.endsWith("deadline")) {
            try {
                parameter.deadline();
            } catch (Rejection e) {
                throw new IllegalStateException(where + "not a deadline rule: " + parameter.value(), e);
            }
        }
        if (name.endsWith("factor") || name.endsWith("ratio") || name.endsWith("share")) {
            BigDecimal value = parameter.decimal();
            if (value.signum() < 0) {
                throw new IllegalStateException(where + "negative " + name);
            }
        }
        return parameter;
    }

    private static PolicyPack pack(String source, Map<String, String> header, Map<String, Parameter> parameters) {
        for (String key : HEADER_KEYS) {
            if (!header.containsKey(key)) {
                throw new IllegalStateException(source + ": missing header " + key);
            }
        }
        String id = required(source, header, "id");
        int version = Integer.parseInt(required(source, header, "version"));
        String region = required(source, header, "region");
        if (version < 1 || !REGION_CODE.matcher(region).matches()) {
            throw new IllegalStateException(source + ": bad version or region code");
        }
        if (source != null && source.endsWith(".pack") && !source.equals(id + ".v" + version + ".pack")) {
            throw new IllegalStateException(source + ": file name must be " + id + ".v" + version + ".pack");
        }
        LocalDate from = date(source, header.get("effectiveFrom"));
        LocalDate until = date(source, header.get("effectiveUntil"));
        if (from == null || (until != null && until.isBefore(from))) {
            throw new IllegalStateException(source + ": effectiveFrom required and not after effectiveUntil");
        }
        String configured = header.get("effectiveConfigured");
        if (!configured.equals("true") && !configured.equals("false")) {
            throw new IllegalStateException(source + ": effectiveConfigured must be true or false");
        }
        List<String> governs = header.get("governs").isBlank() ? List.of()
                : Arrays.stream(header.get("governs").split(",")).map(String::strip).toList();
        return new PolicyPack(id, version, required(source, header, "title"), required(source, header, "documentNo"),
                required(source, header, "issuers"), required(source, header, "seed"), region,
                date(source, header.get("issuedOn")), from, until, Boolean.parseBoolean(configured), parameters,
                governs);
    }

    private static String required(String source, Map<String, String> header, String key) {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(source + ": header " + key + " must not be empty");
        }
        return value;
    }

    private static LocalDate date(String source, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(source + ": bad date " + text, e);
        }
    }
}
