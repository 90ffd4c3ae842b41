#!/usr/bin/env bash
# Stops what slurm-up.sh started in STATE, by pid file (~1.5-4 s). Adapted from ../shared/recipes/slurm/.
STATE=${STATE:?STATE must name the folder slurm-up.sh used}
export SLURM_CONF=$STATE/slurm.conf
# Jobs' slurmstepd processes outlive slurmd: cancel every job first and wait until none is left running.
if [ -s "$STATE/slurmctld.pid" ] && kill -0 "$(cat "$STATE/slurmctld.pid")" 2>/dev/null; then
  squeue -h -o %A 2>/dev/null | xargs -r scancel 2>/dev/null || true
  for _ in $(seq 300); do
    [ -z "$(squeue -h -t R,CG,S -o %A 2>/dev/null)" ] && break
    sleep 0.1
  done
fi
stop() { # pidfile... : SIGTERM all, wait up to 15 s, then SIGKILL
  local pids=() f p alive
  for f in "$@"; do [ -s "$f" ] && pids+=("$(cat "$f")"); done
  [ ${#pids[@]} -eq 0 ] && return 0
  kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 150); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && return 0
    sleep 0.1
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
}
stop "$STATE/slurmd.pid" "$STATE/slurmctld.pid"
if [ -e "$STATE/started-munged" ]; then stop /run/munge/munged.pid; rm -f "$STATE/started-munged"; fi
