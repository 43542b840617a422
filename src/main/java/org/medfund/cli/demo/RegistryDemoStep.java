package org.medfund.cli.demo;

import java.io.PrintWriter;
import org.medfund.registry.RegistryAdmin;
import org.medfund.registry.RegistryCounts;
import org.springframework.stereotype.Component;

/**
 * Demo step 100: the registry is loaded by the database migrations (V3) and the start-up refresh, so this step
 * only reports what is there; running it again changes nothing.
 */
@Component
public class RegistryDemoStep implements DemoStep {

    private final RegistryAdmin admin;

    RegistryDemoStep(RegistryAdmin admin) {
        this.admin = admin;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String title() {
        return "基础数据：统筹区与机构";
    }

    @Override
    public void run(PrintWriter out) {
        RegistryCounts counts = admin.counts();
        out.println("基础数据版本 " + counts.dataVersion() + "：统筹区 " + counts.regions() + " 个，机构 "
                + counts.orgs() + " 个（其中定点医药机构 " + counts.hospitals() + " 家），账户 "
                + counts.accounts() + " 个");
        out.println("查看：./medfund registry regions；./medfund registry show 411500");
    }
}
