package com.callpulse.dashboards.access;

import com.callpulse.dashboards.config.DashboardsConfig;

import java.util.List;

/**
 * Who is asking, and what they may see: a user or API token bound to one tenant, or to the whole operator
 * ({@code tenant: "*"} in the configuration). Every view asks this, never the request, which tenants to show.
 */
public record Principal(String name, String tenant) {
    public static final String OPERATOR = "*";

    public Principal {
        if (name == null || name.isBlank() || tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a user needs a name and a tenant (or \"*\")");
        }
    }

    /** The operator's users see every tenant. */
    public boolean operator() {
        return OPERATOR.equals(tenant);
    }

    public boolean sees(String tenantId) {
        return operator() || tenant.equals(tenantId);
    }

    /** The tenants this principal sees, in configuration order. */
    public List<String> visibleTenants(DashboardsConfig config) {
        return config.tenants().stream().map(DashboardsConfig.Tenant::id).filter(this::sees).toList();
    }

    /** The principal of the command line on the lake's machine: whoever can read the files sees every tenant. */
    public static Principal localOperator() {
        return new Principal("local", OPERATOR);
    }
}
