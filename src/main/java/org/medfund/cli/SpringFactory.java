package org.medfund.cli;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Creates picocli command objects as Spring beans when they are beans, else through picocli's default factory. */
final class SpringFactory implements CommandLine.IFactory {

    private final ApplicationContext context;

    SpringFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        var beans = context.getBeanProvider(type);
        K bean = beans.getIfUnique();
        return bean != null ? bean : CommandLine.defaultFactory().create(type);
    }
}
