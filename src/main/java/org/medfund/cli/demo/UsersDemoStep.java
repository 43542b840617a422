package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.registry.RoleLabels;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo step 150: one user per role for the seed regions, at organisations read from the registry (so the step
 * follows the registry data), plus an API token for one demo hospital. Passwords and the token are printed once,
 * on the run that creates them; later runs find the users and write nothing.
 */
@Component
public class UsersDemoStep implements DemoStep {

    /** The user whose API token the demo issues (a hospital information system). */
    static final String TOKEN_USER = "xy-hospital";

    /** Where a demo user works: an organisation kind in a region, or the first demo hospital under the region. */
    record DemoUser(String username, String displayName, String regionCode, OrgKind kind, Set<Role> roles) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("xy-clerk", "信阳经办员（演示）", "411500", OrgKind.AGENCY, Set.of(Role.CLERK)),
            new DemoUser("xy-reviewer", "信阳复核员（演示）", "411500", OrgKind.AGENCY, Set.of(Role.REVIEWER)),
            new DemoUser("xy-finance", "信阳财政（演示）", "411500", OrgKind.FINANCE, Set.of(Role.FINANCE)),
            new DemoUser("xy-hospital", "信阳医院财务（演示）", "411500", OrgKind.HOSPITAL, Set.of(Role.HOSPITAL)),
            new DemoUser("xy-auditor", "信阳审计（演示）", "411500", OrgKind.AGENCY, Set.of(Role.AUDITOR)),
            new DemoUser("xy-admin", "信阳管理员（演示）", "411500", OrgKind.AGENCY, Set.of(Role.ADMIN)),
            new DemoUser("pds-clerk", "平顶山经办员（演示）", "410400", OrgKind.AGENCY, Set.of(Role.CLERK)),
            new DemoUser("pds-reviewer", "平顶山复核员（演示）", "410400", OrgKind.AGENCY, Set.of(Role.REVIEWER)),
            new DemoUser("pds-finance", "平顶山财政（演示）", "410400", OrgKind.FINANCE, Set.of(Role.FINANCE)),
            new DemoUser("pds-hospital", "平顶山医院财务（演示）", "410400", OrgKind.HOSPITAL, Set.of(Role.HOSPITAL)),
            new DemoUser("ha-clerk", "河南省中心经办员（演示）", "410000", OrgKind.SETTLEMENT_CENTRE,
                    Set.of(Role.CLERK)),
            new DemoUser("ha-reviewer", "河南省中心复核员（演示）", "410000", OrgKind.SETTLEMENT_CENTRE,
                    Set.of(Role.REVIEWER)),
            new DemoUser("ha-finance", "河南省财政（演示）", "410000", OrgKind.FINANCE, Set.of(Role.FINANCE)),
            new DemoUser("ha-auditor", "河南省审计（演示）", "410000", OrgKind.SETTLEMENT_CENTRE,
                    Set.of(Role.AUDITOR)),
            new DemoUser("ha-admin", "河南省管理员（演示）", "410000", OrgKind.SETTLEMENT_CENTRE, Set.of(Role.ADMIN)),
            new DemoUser("gz-clerk", "贵州省中心经办员（演示）", "520000", OrgKind.SETTLEMENT_CENTRE,
                    Set.of(Role.CLERK)),
            new DemoUser("gy-clerk", "贵阳经办员（演示）", "520100", OrgKind.AGENCY, Set.of(Role.CLERK)),
            new DemoUser("gy-finance", "贵阳财政（演示）", "520100", OrgKind.FINANCE, Set.of(Role.FINANCE)),
            new DemoUser("hi-clerk", "海南省中心经办员（演示）", "460000", OrgKind.SETTLEMENT_CENTRE,
                    Set.of(Role.CLERK)),
            new DemoUser("hd-clerk", "邯郸经办员（演示）", "130400", OrgKind.AGENCY, Set.of(Role.CLERK)),
            // The province's own pool (贵州省本级, guizhou-2017 附件二 二(二)3): its agency confirms its clearings.
            new DemoUser("gzs-clerk", "贵州省本级经办员（演示）", "529900", OrgKind.AGENCY, Set.of(Role.CLERK)));

    private final Users users;
    private final Registry registry;
    private final Environment environment;

    UsersDemoStep(Users users, Registry registry, Environment environment) {
        this.users = users;
        this.registry = registry;
        this.environment = environment;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public String title() {
        return "用户与登录";
    }

    @Override
    @Transactional
    public void run(PrintWriter out) {
        List<String> created = new ArrayList<>();
        int existing = 0;
        for (DemoUser demo : USERS) {
            if (users.find(demo.username()).isPresent()) {
                existing++;
                continue;
            }
            Optional<Org> org = orgFor(demo);
            if (org.isEmpty()) {
                out.println("跳过 " + demo.username() + "：登记信息中没有 " + demo.regionCode() + " 的 " + demo.kind());
                continue;
            }
            String password = users.create(new UserAccount(demo.username(), demo.displayName(), org.get().code(),
                    demo.roles(), true), null);
            created.add(String.format("  %-13s %-17s %s %s（%s）", demo.username(), password,
                    RoleLabels.of(demo.roles()), org.get().name(), org.get().code()));
        }
        if (!created.isEmpty()) {
            out.println("新建演示用户 " + created.size() + " 个（用户名、密码、角色、机构；密码只显示这一次）：");
            created.forEach(out::println);
        }
        if (existing > 0) {
            out.println("已有演示用户 " + existing + " 个，未改动（密码只在首次运行时显示；忘记时运行 "
                    + "./medfund users reset-password 用户名）");
        }
        if (users.find(TOKEN_USER).isPresent() && !users.hasActiveToken(TOKEN_USER)) {
            String token = users.issueToken(TOKEN_USER, "demo hospital information system");
            out.println("医院信息系统 API 令牌（用户 " + TOKEN_USER + "，只显示这一次）：" + token);
            out.println("  试用：curl -H \"Authorization: Bearer " + token + "\" "
                    + DemoCommand.serverAddress(environment) + "api/me");
        }
    }

    private Optional<Org> orgFor(DemoUser demo) {
        if (demo.kind() == OrgKind.HOSPITAL) {
            return Stream.concat(registry.region(demo.regionCode()).stream(),
                            registry.descendants(demo.regionCode()).stream())
                    .map(Region::code)
                    .flatMap(code -> registry.hospitals(code).stream())
                    .filter(org -> org.kind() == OrgKind.HOSPITAL && org.designated())
                    .min(Comparator.comparing(Org::code));
        }
        if (demo.kind() == OrgKind.AGENCY) {
            return registry.agencyOf(demo.regionCode());
        }
        if (demo.kind() == OrgKind.FINANCE) {
            return registry.financeOf(demo.regionCode());
        }
        return registry.orgs(demo.regionCode(), demo.kind()).stream().min(Comparator.comparing(Org::code));
    }

}
