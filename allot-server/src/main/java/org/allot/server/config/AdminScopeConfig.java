package org.allot.server.config;

import org.allot.core.assignment.ScopedDirectory;
import org.allot.server.web.admin.UnitScopePages;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The admin center's pages narrowed for administrators whose roles are held over administrative units. */
@Configuration(proxyBeanMethods = false)
class AdminScopeConfig implements WebMvcConfigurer {
    private final ScopedDirectory directory;

    AdminScopeConfig(ScopedDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UnitScopePages(directory));
    }
}
