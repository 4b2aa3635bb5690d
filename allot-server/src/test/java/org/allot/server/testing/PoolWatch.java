package org.allot.server.testing;

import java.util.List;
import org.allot.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Watches every pool's figures ({@code allotment_count}) as units of work write them, through a trigger the test
 * installs and {@link #close} removes: the rule "no newcomer takes a seat of a pool that has none free", checked at
 * the moment the seat is taken, against the pool's seats at that moment (its cap, or less when the product's enabled
 * seats do not reach it: the caps of the pools before it are served first). A lowered cap takes no seat back, so a
 * pool may hold more users than its seats afterwards; what may never happen is its holders rising above its seats.
 * A unit of work writes each pool's figures once, net of its steps: holders rising above the seats means a seat was
 * taken with none free. It also records each time a pool's waiting list grew while the product had free seats (a full
 * pool queueing its own users), so that a race can show it did. Written in SQL, from docs/delegation.md alone.
 */
public final class PoolWatch implements AutoCloseable {
    private final JdbcClient jdbc;

    private PoolWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static PoolWatch install(JdbcClient jdbc) {
        jdbc.sql("""
                        create table if not exists test_pool_watch (
                            tenant_id uuid not null, allotment_id uuid not null, kind text not null,
                            consumed int not null, waiting int not null, seats int not null,
                            sku_enabled int not null, sku_consumed int not null)""").update();
        jdbc.sql("""
                        create or replace function test_pool_watch() returns trigger language plpgsql as $$
                        declare
                            pool_cap int;
                            caps_before int;
                            enabled int;
                            used int;
                            seats int;
                        begin
                            select s.enabled, s.consumed into enabled, used from seat_count s
                            where s.tenant_id = new.tenant_id and s.sku_id = new.sku_id;
                            select a.cap, coalesce((select sum(b.cap) from allotment b
                                    where b.tenant_id = a.tenant_id and b.sku_id = a.sku_id
                                    and b.position < a.position), 0)
                            into pool_cap, caps_before
                            from allotment a where a.tenant_id = new.tenant_id and a.id = new.allotment_id;
                            seats := least(pool_cap, greatest(0, enabled - caps_before));
                            if new.consumed > old.consumed and new.consumed > seats then
                                insert into test_pool_watch values (new.tenant_id, new.allotment_id, 'over',
                                    new.consumed, new.waiting, seats, enabled, used);
                            end if;
                            if new.waiting > old.waiting and enabled > used then
                                insert into test_pool_watch values (new.tenant_id, new.allotment_id, 'queued',
                                    new.consumed, new.waiting, seats, enabled, used);
                            end if;
                            return null;
                        end $$""").update();
        jdbc.sql("drop trigger if exists test_pool_watch on allotment_count").update();
        jdbc.sql("""
                        create trigger test_pool_watch after update on allotment_count for each row
                        when (new.consumed > old.consumed or new.waiting > old.waiting)
                        execute function test_pool_watch()""").update();
        return new PoolWatch(jdbc);
    }

    /** Every time a pool of the tenant took a seat it did not have, in words. */
    public List<String> overfilled(TenantId tenant) {
        return jdbc.sql("""
                        select 'pool ' || allotment_id || ' took a seat with ' || seats || ' seats: '
                            || consumed || ' holders, ' || waiting || ' waiting (product: ' || sku_consumed
                            || ' of ' || sku_enabled || ')'
                        from test_pool_watch where tenant_id = ? and kind = 'over'""").param(tenant.value()).query(String.class).list();
    }

    /** How many times a pool of the tenant queued a user while its product had free seats. */
    public int queuedWhileProductHadSeats(TenantId tenant) {
        return jdbc.sql("select count(*) from test_pool_watch where tenant_id = ? and kind = 'queued'")
                .param(tenant.value())
                .query(Integer.class)
                .single();
    }

    @Override
    public void close() {
        jdbc.sql("drop trigger if exists test_pool_watch on allotment_count").update();
        jdbc.sql("drop function if exists test_pool_watch()").update();
        jdbc.sql("drop table if exists test_pool_watch").update();
    }
}
