// The model in binary, for the cache of parsed content files (load/parsed_cache.h): one
// encode/decode pair per model struct, every field written in declaration order.
//
// Decoding trusts nothing (text/byte_codec.h): damaged bytes make it return false, never
// crash. A field added to a model struct must be added here too: model_codec.cc checks each
// struct's size, so that the build fails until it is, and model_codec_test.cc round-trips
// structs with every field set.
#pragma once

#include "model/diagnostic.h"
#include "model/plan.h"
#include "model/progress.h"
#include "model/report.h"
#include "model/unit.h"
#include "text/byte_codec.h"

namespace congkhai {

void encode(ByteWriter& w, const Plan& plan);
void encode(ByteWriter& w, const ProgressRecord& record);
void encode(ByteWriter& w, const Report& report);
void encode(ByteWriter& w, const Unit& unit);
void encode(ByteWriter& w, const Diagnostic& diagnostic);

// Each returns false, leaving `out` unspecified, when the bytes do not hold one.
bool decode(ByteReader& r, Plan* plan);
bool decode(ByteReader& r, ProgressRecord* record);
bool decode(ByteReader& r, Report* report);
bool decode(ByteReader& r, Unit* unit);
bool decode(ByteReader& r, Diagnostic* diagnostic);

}  // namespace congkhai
