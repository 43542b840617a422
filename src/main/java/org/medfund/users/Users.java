package org.medfund.users;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.medfund.common.Rejection;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff and machine users: each belongs to one organisation of the registry and holds roles there. Passwords are
 * stored with the delegating encoder (bcrypt); API tokens are random 256-bit values of which only the SHA-256 is
 * kept, so a token is shown once, when it is issued. Passwords generated here are shown once too.
 */
@Component
public class Users implements StaffDirectory {

    public static final int USERNAME_LENGTH_MAX = 60;
    public static final int DISPLAY_NAME_LENGTH_MAX = 100;
    public static final int PASSWORD_LENGTH_MIN = 10;
    public static final int PASSWORD_LENGTH_MAX = 72;
    /** Generated passwords: 16 characters of a 56-letter alphabet, about 93 bits. */
    static final int GENERATED_PASSWORD_LENGTH = 16;
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int TOKEN_BYTES = 32;
    static final String TOKEN_PREFIX = "mft_";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Registry registry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Users(JdbcClient jdbc, PasswordEncoder passwordEncoder, Registry registry, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Creates a user with the given password (null: a generated one, returned). The organisation must exist in
     * the registry; the username is lower case letters, digits, '.', '_' and '-'.
     *
     * @return the password to hand to the user, the only time it is visible
     */
    @Transactional
    public String create(UserAccount account, String password) {
        validate(account);
        if (find(account.username()).isPresent()) {
            throw Rejection.conflict("user.exists", "username", "用户 " + account.username() + " 已存在");
        }
        String secret = password == null ? generatePassword() : checkedPassword(password);
        jdbc.sql("""
                insert into app_user (username, display_name, org_code, password_hash, enabled, created_at)
                values (:username, :displayName, :orgCode, :hash, :enabled, :createdAt)""")
                .param("username", account.username()).param("displayName", account.displayName())
                .param("orgCode", account.orgCode()).param("hash", passwordEncoder.encode(secret))
                .param("enabled", account.enabled()).param("createdAt", now())
                .update();
        for (Role role : account.roles()) {
            jdbc.sql("insert into app_user_role (username, role) values (:username, :role)")
                    .param("username", account.username()).param("role", role.name())
                    .update();
        }
        return secret;
    }

    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        // The roles are read after the user row, not inside its mapper: outside a transaction a nested query takes a
        // second pooled connection, and concurrent token checks would then deadlock the pool.
        return jdbc.sql("select username, display_name, org_code, enabled from app_user where username = :username")
                .param("username", username)
                .query((rs, n) -> new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), Set.of(),
                        rs.getBoolean(4)))
                .optional()
                .map(u -> new UserAccount(u.username(), u.displayName(), u.orgCode(), rolesOf(u.username()),
                        u.enabled()));
    }

    public UserAccount require(String username, String field) {
        return find(username).orElseThrow(() -> Rejection.notFound("user.unknown", field, "没有用户 " + username));
    }

    /** Every user, ordered by organisation and username. */
    public List<UserAccount> list() {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("select username, role from app_user_role")
                .query((rs, n) -> roles.computeIfAbsent(rs.getString(1), u -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        return jdbc.sql("select username, display_name, org_code, enabled from app_user order by org_code, username")
                .query((rs, n) -> new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                        roles.getOrDefault(rs.getString(1), Set.of()), rs.getBoolean(4)))
                .list();
    }

    /**
     * Enables or disables a user. Disabling ends the user's work at once (issue 11 #4): its open staff sessions end
     * (the session generation moves on) and its API tokens are revoked, so enabling it again revives neither; the
     * user logs in anew and gets new tokens.
     */
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        require(username, "username");
        jdbc.sql("update app_user set enabled = :enabled where username = :username")
                .param("enabled", enabled).param("username", username)
                .update();
        if (!enabled) {
            endSessions(username);
            revokeTokens(username);
        }
        return require(username, "username");
    }

    /** Ends every staff session of the user opened so far (they are refused on their next request). */
    private void endSessions(String username) {
        jdbc.sql("update app_user set session_generation = session_generation + 1 where username = :username")
                .param("username", username)
                .update();
    }

    /** Whether a session's principal still stands: the user exists, is enabled and its sessions were not ended. */
    public boolean sessionValid(String username, int sessionGeneration) {
        return jdbc.sql("select enabled, session_generation from app_user where username = :username")
                .param("username", username)
                .query((rs, n) -> rs.getBoolean(1) && rs.getInt(2) == sessionGeneration)
                .optional().orElse(false);
    }

    /**
     * Replaces the user's password by a generated one and returns it (shown once). Sessions opened with the old
     * password end.
     */
    @Transactional
    public String resetPassword(String username) {
        require(username, "username");
        String secret = generatePassword();
        jdbc.sql("update app_user set password_hash = :hash where username = :username")
                .param("hash", passwordEncoder.encode(secret)).param("username", username)
                .update();
        endSessions(username);
        return secret;
    }

    /**
     * Issues an API token for a machine client acting as the user (e.g. a hospital's information system) and
     * returns it; only its hash is stored, so it cannot be shown again.
     */
    @Transactional
    public String issueToken(String username, String label) {
        UserAccount account = require(username, "username");
        if (!account.enabled()) {
            throw new Rejection("user.disabled", "username", "用户 " + username + " 已停用");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into api_token (token_hash, token_prefix, username, label, created_at)
                values (:hash, :prefix, :username, :label, :createdAt)""")
                .param("hash", sha256(token)).param("prefix", token.substring(0, 10))
                .param("username", username).param("label", label == null ? "" : truncate(label, 100))
                .param("createdAt", now())
                .update();
        return token;
    }

    /** Revokes every token of the user (a leaked token, a replaced system) and returns how many were active. */
    @Transactional
    public int revokeTokens(String username) {
        require(username, "username");
        return jdbc.sql("update api_token set revoked_at = :now where username = :username and revoked_at is null")
                .param("now", now()).param("username", username)
                .update();
    }

    @Override
    public boolean isActive(String username, String orgCode, Role role) {
        return username != null && find(username)
                .filter(account -> account.enabled() && account.orgCode().equals(orgCode)
                        && account.roles().contains(role))
                .isPresent();
    }

    /** Whether the user has a token that is not revoked. */
    public boolean hasActiveToken(String username) {
        return jdbc.sql("select count(*) from api_token where username = :username and revoked_at is null")
                .param("username", username)
                .query(Long.class)
                .single() > 0;
    }

    /**
     * The enabled user a presented token belongs to, or empty for an unknown, revoked or disabled one. One statement
     * (token, user and roles joined): it runs before every API call, so it is the web shell's own per-request cost.
     */
    public Optional<Credentials> authenticateToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        record Row(String username, String displayName, String orgCode, String passwordHash, int sessionGeneration,
                   String role) {
        }
        List<Row> rows = jdbc.sql("""
                select u.username, u.display_name, u.org_code, u.password_hash, u.session_generation, r.role
                from api_token t join app_user u on u.username = t.username
                left join app_user_role r on r.username = u.username
                where t.token_hash = :hash and t.revoked_at is null and u.enabled""")
                .param("hash", sha256(token))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.stream().filter(r -> r.role() != null).forEach(r -> roles.add(Role.valueOf(r.role())));
        Row user = rows.get(0);
        return Optional.of(new Credentials(new UserAccount(user.username(), user.displayName(), user.orgCode(),
                roles, true), user.passwordHash(), user.sessionGeneration()));
    }

    /** The principal for a stored user (with its password hash, for form login), or empty. */
    public Optional<Credentials> credentials(String username) {
        record Secret(String passwordHash, int sessionGeneration) {
        }
        return jdbc.sql("select password_hash, session_generation from app_user where username = :username")
                .param("username", username)
                .query((rs, n) -> new Secret(rs.getString(1), rs.getInt(2)))
                .optional()
                .flatMap(secret -> find(username).map(account -> new Credentials(account, secret.passwordHash(),
                        secret.sessionGeneration())));
    }

    private Set<Role> rolesOf(String username) {
        List<Role> roles = jdbc.sql("select role from app_user_role where username = :username")
                .param("username", username)
                .query((rs, n) -> Role.valueOf(rs.getString(1)))
                .list();
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    private void validate(UserAccount account) {
        if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
            throw new Rejection("user.username-invalid", "username",
                    "用户名须为 2 至 " + USERNAME_LENGTH_MAX + " 位小写字母、数字、点、下划线或连字符");
        }
        if (account.displayName() == null || account.displayName().isBlank()
                || account.displayName().length() > DISPLAY_NAME_LENGTH_MAX) {
            throw new Rejection("user.display-name-invalid", "displayName",
                    "姓名须为 1 至 " + DISPLAY_NAME_LENGTH_MAX + " 个字符");
        }
        if (account.roles().isEmpty()) {
            throw new Rejection("user.roles-missing", "roles", "用户至少需要一个角色");
        }
        if (account.orgCode() == null || account.orgCode().isBlank()) {
            throw new Rejection("user.org-missing", "orgCode", "用户必须属于一个机构");
        }
        registry.requireOrg(account.orgCode(), "orgCode");
    }

    private static String checkedPassword(String password) {
        if (password.length() < PASSWORD_LENGTH_MIN || password.length() > PASSWORD_LENGTH_MAX) {
            throw new Rejection("user.password-invalid", "password",
                    "密码须为 " + PASSWORD_LENGTH_MIN + " 至 " + PASSWORD_LENGTH_MAX + " 个字符");
        }
        return password;
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String truncate(String text, int lengthMax) {
        return text.length() <= lengthMax ? text : text.substring(0, lengthMax);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
