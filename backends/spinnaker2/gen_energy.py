#!/usr/bin/env python3
"""Writes energy.json (0.8 V / 300 MHz) and energy-0.5V-150MHz.json from the
measured SpiNNaker2 power table, so both operating points are derived by
the same arithmetic. Run from the repository root; see SOURCES.md."""
import json
CP = ("Scholze, Partzsch, Hoeppner et al., 'The SpiNNaker2 chip: a many-core platform for flexible and "
      "scalable brain-inspired computing', IEEE OJCAS 2026, DOI 10.1109/OJCAS.2026.3714974, arXiv:2607.24396, "
      "power table (read through secondary summaries; see SOURCES.md)")
HOR = ("M. Horowitz, '1.1 Computing's energy problem (and what we can do about it)', IEEE ISSCC 2014, "
       "pp. 10-14 (45 nm, 0.9 V table: 32-bit read of 8 KB SRAM 5 pJ, 32 KB 10 pJ, 1 MB 50 pJ)")
SM1 = ("SpiNNaker1 25 pJ/bit x 40 bit = 1 nJ per packet (SpiNNakerManchester/SpiNNMachine "
       "spinn_machine/version/version_spin1.py, commit fe5a06a2, JOULES_PER_PACKET, citing Painkras et al., "
       "IEEE JSSC 48(8):1943-1953, 2013)")
points = {
 "0.8V-300MHz": dict(vdd=0.8, clock=300e6, sleep=0.5647, busy=1.2479, sram=7.4e-12, sram_scale="x (0.8/0.5)^2",
                     mac_tops=4.563, mac_w=2.219),
 "0.5V-150MHz": dict(vdd=0.5, clock=150e6, sleep=0.2354, busy=0.4246, sram=2.9e-12, sram_scale="at 0.5 V",
                     mac_tops=2.281, mac_w=0.825),
}
gated = 0.0752
for name, p in points.items():
    pe_static = (p["sleep"] - gated) / 152
    cycle = (p["busy"] - p["sleep"]) / 152 / p["clock"]
    e = lambda v, unit, basis, source, note=None: {k: x for k, x in
        [("value", v), ("unit", unit), ("basis", basis), ("source", source), ("note", note)] if x is not None}
    doc = {
      "description": ("snnc energy model of a SpiNNaker2 chip at the %s operating point: one coefficient per event "
        "class the spinnaker2 target counts, plus static power per unit kind in use; E = sum(count x J/event) + "
        "static W x simulated time. Each value is marked measured (read from a publication), derived (arithmetic "
        "on measured values, shown in 'source') or assumed (no SpiNNaker2 figure located). See SOURCES.md." % name.replace("-", " / ")),
      "version": 2,
      "operating_point": {"name": name, "vdd_v": p["vdd"], "clock_hz": p["clock"],
        "source": CP + ": per-PE DVFS, nominal 150 MHz at 0.5 V and 300 MHz at 0.8 V.", "basis": "measured"},
      "events": {
        "neuron_updates": e(round(224 * cycle, 15), "J per neuron per time step", "derived",
          "target.json cycles_per_neuron_update (224, sPyNNaker estimate) x energy per busy PE cycle "
          "(reference.pe_busy_cycle_j = %.3g J)." % cycle,
          "The cycle count is SpiNNaker1 software's; an M4F count was not located."),
        "synaptic_events": e(round(40 * cycle, 15), "J per synaptic event", "derived",
          "target.json cycles_per_synaptic_event (40, Rhodes et al. 2018) x reference.pe_busy_cycle_j; the same "
          "cycle count drives snnc's latency model, so energy and time agree.",
          "The published 'up to 12 M synaptic events/s per core' (CP) implies about 25 cycles at 300 MHz, which "
          "would give %.2g J; not used, to stay consistent with the cycle model." % (25 * cycle)),
        "sram_words_read": e(p["sram"], "J per 32-bit SRAM word read", "derived",
          HOR + "; log-interpolated to the 128 KB PE SRAM (19 pJ at 45 nm, 0.9 V), scaled to 22 nm by 22/45 and "
          "by (Vdd/0.9)^2 " + p["sram_scale"] + ".",
          "Generic SRAM figure, not a SpiNNaker2 measurement; the busy-cycle energies already include the core's "
          "own accesses, so this double-counts part of them (kept for comparison with other targets)."),
        "sram_words_written": e(p["sram"], "J per 32-bit SRAM word written", "assumed",
          "Taken equal to sram_words_read (the Horowitz table gives one energy per access)."),
        "packets_sent": e(1.0e-10, "J per multicast packet injected", "assumed",
          SM1 + " x 0.1 (SpiNNaker2's stated 10x capacity per watt over SpiNNaker1).",
          "No SpiNNaker2 packet energy was located; same order as Loihi's 69-111 pJ spike/message energies."),
        "router_hops": e(2.0e-10, "J per 96-bit packet per chip-to-chip link traversal", "assumed",
          "Engineering estimate: about 2 pJ/bit for the 0.5 V low-swing 6 Gbit/s short-range link described in CP.",
          "Long-range LVDS/8b10b links are likely several times higher. On-chip NoC hops are not counted."),
      },
      "static_w": {
        "pe": e(round(pe_static, 9), "W per PE in use (sleeping, clocked)", "derived",
          "(all 152 PEs sleeping %.1f mW - all PEs power-gated 75.2 mW) / 152, from %s." % (p["sleep"] * 1e3, CP)),
        "chip": e(gated, "W per chip in use, all PEs power-gated (uncore)", "measured",
          CP + ": chip with all PEs power-gated 75.2 mW.", "Excludes LPDDR4 DRAM and link PHYs."),
      },
      "reference": {
        "pe_busy_cycle_j": e(round(cycle, 15), "J per busy PE cycle above sleep", "derived",
          "(all 152 PEs running CoreMark %.1f mW - all sleeping %.1f mW) / 152 / %.0f MHz, from %s." % (
            p["busy"] * 1e3, p["sleep"] * 1e3, p["clock"] / 1e6, CP)),
        "chip_all_pes_busy_w": e(p["busy"], "W, all 152 PEs running CoreMark", "measured", CP),
        "chip_all_pes_sleeping_w": e(p["sleep"], "W, all 152 PEs in WFI sleep", "measured", CP),
        "mac_array_mac_j": e(round((p["mac_w"] - p["sleep"]) / (p["mac_tops"] * 1e12 / 2), 15),
          "J per 8-bit MAC of the PE's 64-MAC array, marginal", "derived",
          "(%.3f W - %.4f W sleep) / (%.3f TOPS / 2), measured on a transformer matmul, operands in SRAM (CP); "
          "%.2f TOPS/W whole-chip." % (p["mac_w"], p["sleep"], p["mac_tops"], p["mac_tops"] / p["mac_w"]),
          "64 8-bit MACs per PE. snnc's spinnaker2 engines run synapses on the ARM core, not the MAC array, "
          "so no event class uses this figure yet."),
      },
    }
    path = "backends/spinnaker2/energy.json" if name == "0.8V-300MHz" else "backends/spinnaker2/energy-%s.json" % name
    with open(path, "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False); f.write("\n")
    print(path, "cycle", cycle, "pe", pe_static)
