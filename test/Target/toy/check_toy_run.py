"""Checks a toy run's JSON report: toy's counters, priced by toy-energy.json."""
import json
import os
import sys

report = json.load(open(sys.argv[1]))
model = json.load(open(os.path.join(os.path.dirname(__file__),
                                    "toy-energy.json")))
counters = report["counters"]
assert list(counters) == ["neuron_updates", "synaptic_events",
                          "toy_spikes"], counters
assert counters["neuron_updates"] == 9 * 20, counters
assert counters["toy_spikes"] > 0 and counters["synaptic_events"] > 0, counters
energy = report["energy"]
dynamic = sum(counters[k] * model["events"][k]["value"] for k in counters)
static = 3 * model["static_w"]["unit"]["value"] * 20 * 1e-3
cooling = (model["extra"]["cooling_share_of_spikes_j"]["value"] *
           counters["toy_spikes"])
close = lambda a, b: abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-30)
assert close(energy["dynamic_j"], dynamic), (energy["dynamic_j"], dynamic)
assert close(energy["static_j"], static), (energy["static_j"], static)
assert energy["extra"] == [{"term": "toy cooling", "joules": cooling,
                            "basis": "assumed"}], energy["extra"]
assert close(energy["total_j"], dynamic + static + cooling), energy
assert close(energy["j_per_synaptic_event"],
             energy["total_j"] / counters["synaptic_events"]), energy
assert energy["neurobench"]["MembraneUpdates"] == 180, energy["neurobench"]
assert energy["operating_point"] == "toy-1V" and energy["target"] == "toy"
print("toy run: counters and energy follow toy-energy.json")
