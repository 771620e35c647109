package com.callpulse.generator;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.TenantConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What to simulate.
 *
 * @param date first business day
 * @param contactsPerDay inbound customer contacts per day over all tenants
 * @param faultRate share of emitted lines that carry one injected fault; 0 disables faults
 * @param shardHours hours of emission time per output file (files are never crossed by a duplicate)
 * @param config tenants (and their zones) and the ingestion bounds the faults are measured against
 */
public record GeneratorSettings(LocalDate date, int days, int contactsPerDay, long seed, double faultRate, int shardHours, CallPulseConfig config) {
    public static final Set<Integer> SHARD_HOURS = Set.of(1, 2, 3, 4, 6, 8, 12, 24);

    public GeneratorSettings {
        if (date == null) {
            throw new IllegalArgumentException("a first business date is required");
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be 1..366, got " + days);
        }
        if (contactsPerDay < 1) {
            throw new IllegalArgumentException("contacts per day must be at least 1, got " + contactsPerDay);
        }
        if (!(faultRate >= 0 && faultRate <= 0.5)) {
            throw new IllegalArgumentException("the fault rate must be between 0 and 0.5, got " + faultRate);
        }
        if (!SHARD_HOURS.contains(shardHours)) {
            throw new IllegalArgumentException("shard hours must divide a day: 1, 2, 3, 4, 6, 8, 12 or 24; got " + shardHours);
        }
        if (config == null) {
            throw new IllegalArgumentException("a configuration is required");
        }
    }

    /** Daily files and the shipped default configuration. */
    public GeneratorSettings(LocalDate date, int days, int contactsPerDay, long seed, double faultRate) {
        this(date, days, contactsPerDay, seed, faultRate, 24, CallPulseConfig.defaults());
    }

    /** Daily files and the shipped default configuration. */
    public static GeneratorSettings of(LocalDate date, int days, int contactsPerDay, long seed, double faultRate) {
        return new GeneratorSettings(date, days, contactsPerDay, seed, faultRate);
    }

    public GeneratorSettings withShardHours(int hours) {
        return new GeneratorSettings(date, days, contactsPerDay, seed, faultRate, hours, config);
    }

    public GeneratorSettings withConfig(CallPulseConfig c) {
        return new GeneratorSettings(date, days, contactsPerDay, seed, faultRate, shardHours, c);
    }

    public List<TenantConfig> tenants() {
        return config.tenants();
    }
}
