-- Seats taken for newcomers in the same round trip as the commit (JdbcSeats.takeAtCommit, SeatsAtCommit): the SKU's
-- row is locked by this update and released by the COMMIT that follows it in the same message, so requests of one SKU
-- queue on it only for the commit itself. The condition is the one the unit of work decided on (SeatLedger: every
-- seat taken by a newcomer while nobody waited): nobody waits and that many enabled seats are free. When it no longer
-- holds, a serialization failure keeps the COMMIT from running and the unit of work is run again.
create procedure allot_take_seats(tenant uuid, skus uuid[], taken int[])
    language plpgsql as $$
begin
    for i in 1 .. coalesce(array_length(skus, 1), 0) loop
        update seat_count set consumed = consumed + taken[i]
        where tenant_id = tenant and sku_id = skus[i] and waiting = 0 and enabled - consumed >= taken[i];
        if not found then
            raise exception 'the seats of % changed while a unit of work decided', skus[i]
                using errcode = 'serialization_failure';
        end if;
    end loop;
end
$$;
