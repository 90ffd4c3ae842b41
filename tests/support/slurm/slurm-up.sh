#!/usr/bin/env bash
# Starts a throw-away single-node Slurm (munged + slurmctld + slurmd) as root, without systemd or cgroups, for the
# slurm executor's tests. Adapted from the tested recipe in ../shared/recipes/slurm/ (no slurmdbd, no fake GPUs).
# Needs: apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge
# Usage: STATE=<empty folder> bash slurm-up.sh   # prints: export SLURM_CONF=$STATE/slurm.conf
set -euo pipefail
STATE=${STATE:?STATE must name the folder for the configuration, state and logs}
CONF=$STATE/slurm.conf
HOST=$(hostname -s)
MEM=$(( $(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo) - 1024 ))
mkdir -p "$STATE/ctld" "$STATE/d"

cat > "$CONF" <<CONF
ClusterName=ci
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no cgroups: plain /proc process tracking, no task binding, no usage sampling
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
# no slurmdbd: plain 'sacct' is disabled, 'sacct -c' reads the job-completion file below
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$STATE/jobcomp.log
SchedulerType=sched/backfill
# start submitted batch jobs at the next scheduler pass (~1 s) instead of batching them for up to 3 s
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# use the CPUs= below even when it exceeds the real core count: more jobs at once on a small machine
SlurmdParameters=config_overrides
# reject impossible requests at submit time instead of leaving them PENDING forever
EnforcePartLimits=ALL
ReturnToService=2
# finished jobs stay visible to scontrol for the whole test
MinJobAge=300
InactiveLimit=0
# SIGTERM to SIGKILL on scancel: short, tests wait on it
KillWait=2
Waittime=0
SlurmctldTimeout=30
SlurmdTimeout=60
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=8 RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$CONF

# munge: the Debian postinst creates /etc/munge/munge.key; make one if it is missing
if [ ! -s /etc/munge/munge.key ]; then runuser -u munge -- /usr/sbin/mungekey -c; fi
install -d -o munge -g munge -m 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged </dev/null >/dev/null 2>&1   # forks; pid in /run/munge/munged.pid
  touch "$STATE/started-munged"
  for _ in $(seq 100); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.05; done
fi

/usr/sbin/slurmctld </dev/null >/dev/null 2>&1    # forks; pid in $STATE/slurmctld.pid
/usr/sbin/slurmd    </dev/null >/dev/null 2>&1    # forks; pid in $STATE/slurmd.pid

st=
for _ in $(seq 300); do
  st=$(sinfo -h -n "$HOST" -o %T 2>/dev/null || true)
  case "$st" in
    idle*|mixed*|allocated*) echo "export SLURM_CONF=$CONF"; exit 0;;
    inval*|drain*|down*) break;;
  esac
  sleep 0.1
done
echo "slurm did not come up; node state: '$st'" >&2
sinfo -N -o '%N %T %E' >&2 || true
tail -n 20 "$STATE/slurmctld.log" "$STATE/slurmd.log" >&2 || true
exit 1
