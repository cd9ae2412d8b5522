// stm.hpp — the whole STM library, and its default.
//
// The default (atomically(f) with no template arguments) is NOrec with
// serial_after<8> contention management:
//  - NOrec keeps no per-location metadata: a read is a data load and one
//    check of a global sequence lock that stays in cache while nobody
//    commits, and a read-only transaction writes nothing shared. On the
//    2-core machines gillab targets that makes it the cheapest of the three
//    at 1-2 threads (bench_stm smoke runs on a shared machine: NOrec at or
//    ahead of TL2 and ETL on list, hash set and bank at 1 thread). Its limit
//    is one writer commit at a time and whole-read-set validation after every
//    foreign commit; TL2 and ETL scale further with many cores and disjoint
//    writers, and ETL's timestamp extension suits long transactions (the VM's
//    stm back-end). Revisit with the full bench_stm table.
//  - serial_after<8> is the only contention manager that guarantees progress.
#pragma once

#include <gillab/stm/contention.hpp>
#include <gillab/stm/etl.hpp>
#include <gillab/stm/norec.hpp>
#include <gillab/stm/registry.hpp>
#include <gillab/stm/stats.hpp>
#include <gillab/stm/tl2.hpp>
#include <gillab/stm/transaction.hpp>
