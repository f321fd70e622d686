package dev.o2c.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The workspace is static pages; these are the addresses people type or bookmark. */
@Configuration(proxyBeanMethods = false)
class WorkspacePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
        for (String page : new String[] {
            "tasks",
            "task",
            "orders",
            "console",
            "instance",
            "process",
            "dashboard",
            "statements",
            "models",
            "documents",
            "worklist",
            "disputes",
            "backtest",
            "customers",
            "customer"
        }) {
            registry.addViewController("/" + page).setViewName("forward:/" + page + ".html");
        }
    }
}
