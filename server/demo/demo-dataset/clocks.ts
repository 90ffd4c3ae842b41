import { asMultipleChoice } from "./choices";
import { decimalText } from "./math-format";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { svgDocument, svgLine, svgText } from "./svg";
import type { DemoFigure, DemoSampleDraft } from "./types";

const size = { width: 320, height: 320 };
const centre = 160;
const radius = 130;

function clockTime(hour: number, minute: number): string {
  return `${hour}:${String(minute).padStart(2, "0")}`;
}

/** The time `minutes` after hour:minute on a 12-hour clock. */
function addMinutes(hour: number, minute: number, minutes: number): string {
  const total = ((hour % 12) * 60 + minute + minutes) % 720;
  return clockTime(Math.floor(total / 60) || 12, total % 60);
}

// data-hand with rotate() lets a test read back which time is drawn.
function drawClock(hour: number, minute: number): DemoFigure {
  const body = [`<circle cx="${centre}" cy="${centre}" r="${radius}" fill="#fffdf5" stroke="#222222" stroke-width="4"/>`];
  for (let tick = 0; tick < 60; tick++) {
    const angle = (tick * 6 * Math.PI) / 180;
    const inner = tick % 5 === 0 ? radius - 14 : radius - 7;
    const [sin, cos] = [Math.sin(angle), -Math.cos(angle)];
    body.push(svgLine(centre + inner * sin, centre + inner * cos, centre + (radius - 2) * sin, centre + (radius - 2) * cos, "#222222", tick % 5 === 0 ? 3 : 1));
  }
  for (let number = 1; number <= 12; number++) {
    const angle = (number * 30 * Math.PI) / 180;
    body.push(svgText(centre + 100 * Math.sin(angle), centre - 100 * Math.cos(angle) + 7, String(number), { size: 20, weight: "bold" }));
  }
  const hand = (name: string, degrees: number, length: number, width: number, colour: string) =>
    `<g transform="rotate(${degrees} ${centre} ${centre})" data-hand="${name}">${svgLine(centre, centre, centre, centre - length, colour, width)}</g>`;
  body.push(hand("hour", 30 * (hour % 12) + minute / 2, 65, 8, "#222222"));
  body.push(hand("minute", 6 * minute, 105, 4, "#2c5d99"));
  body.push(`<circle cx="${centre}" cy="${centre}" r="6" fill="#222222"/>`);
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

/** An analogue clock at a five-minute time; the question reads it, measures the hands' angle, or adds minutes. */
export function clockSample(random: SeededRandom, index: number): DemoSampleDraft {
  const hour = random.int(1, 12);
  const minute = 5 * random.int(0, 11);
  const figure = drawClock(hour, minute);
  const shown = clockTime(hour, minute);
  const reading = `The short hour hand is ${minute === 0 ? "on" : "past"} the ${hour} and the long minute hand points at the ${minute === 0 ? 12 : minute / 5}, so the clock shows ${shown}.`;
  const variant = index % 3;

  if (variant === 0) {
    const steps = [reading];
    return {
      task: { family: "clock", hour, minute, ask: { kind: "read" } },
      figure,
      question: "What time does the clock show? Answer in H:MM format.",
      answer: shown,
      trace: reasoningTrace(steps, shown, { boxed: false }),
      tags: ["clock", "reading"],
    };
  }
  if (variant === 1) {
    const [hourAngle, minuteAngle] = [30 * (hour % 12) + minute / 2, 6 * minute];
    const apart = Math.abs(hourAngle - minuteAngle);
    const answer = decimalText(Math.min(apart, 360 - apart));
    const steps = [
      reading,
      `The minute hand is at $6 \\times ${minute} = ${minuteAngle}^\\circ$ from 12; the hour hand at $30 \\times ${hour % 12} + 0.5 \\times ${minute} = ${decimalText(hourAngle)}^\\circ$.`,
      `They are $${decimalText(apart)}^\\circ$ apart${apart > 180 ? `, and the smaller angle is $360^\\circ - ${decimalText(apart)}^\\circ = ${answer}^\\circ$` : ""}.`,
    ];
    return {
      task: { family: "clock", hour, minute, ask: { kind: "hand-angle" } },
      figure,
      question: "What is the smaller angle between the hour hand and the minute hand, in degrees?",
      answer,
      trace: reasoningTrace(steps, answer, { boxed: index % 2 === 0 }),
      tags: ["clock", "angles"],
    };
  }
  const minutes = 5 * random.int(3, 18);
  const later = addMinutes(hour, minute, minutes);
  const distractors = [addMinutes(hour, minute, -minutes), addMinutes(hour, minute, minutes + 60), addMinutes(hour, minute, minutes - 10), addMinutes(hour, minute, minutes + 10)];
  const choice = asMultipleChoice(random, `What time will the clock show ${minutes} minutes later?`, later, distractors);
  const steps = [reading, `Adding ${minutes} minutes to ${shown} gives ${later}, which is option ${choice.answer}.`];
  return {
    task: { family: "clock", hour, minute, ask: { kind: "later", minutes } },
    figure,
    ...choice,
    trace: reasoningTrace(steps, choice.answer, { boxed: false }),
    tags: ["clock", "time", "multiple-choice"],
  };
}
