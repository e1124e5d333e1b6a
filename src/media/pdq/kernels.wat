;; PDQ's float32 kernels, in WebAssembly so that float32 arithmetic is native
;; (f32 and f32x4 operations round exactly as the C++ reference's floats do;
;; WebAssembly never fuses a multiply and an add). Compiled to kernels.wasm by
;; scripts/build-wasm.ts (npm install, npm test and npm start run it);
;; kernels.ts loads it and pipeline.ts drives it. Every function works on
;; addresses in the module's one memory, laid out by layout.ts.
;;
;; A plane is a rows × cols block of f32 stored row after row, `stride` bytes
;; apart. Kernels that work on several columns at once also compute the
;; padding columns up to the next multiple of 16: their values are never read
;; back into a result.
(module
  (memory (export "memory") 50)

  ;; Luminance of four pixel rows at once, stored transposed: for each output
  ;; column x, the pixels at byte offset offsets[x] of rows r0..r3 give four
  ;; values stored together at out + x·outStep (so column x of the image
  ;; becomes row x of the output). Y = 0.299 R + 0.587 G + 0.114 B in f32,
  ;; left to right, as the reference computes it; the coefficients are the
  ;; float32 values of 0.299, 0.587 and 0.114. n is a multiple of 4 (extra
  ;; offsets point at valid bytes); each pixel is read as 4 bytes.
  (func (export "lumaRgb4")
    (param $r0 i32) (param $r1 i32) (param $r2 i32) (param $r3 i32)
    (param $offsets i32) (param $n i32) (param $out i32) (param $outStep i32)
    (local $end i32) (local $at i32) (local $pixels v128)
    (local.set $end (i32.add (local.get $offsets) (i32.shl (local.get $n) (i32.const 2))))
    (loop $column
      (local.set $at (i32.load (local.get $offsets)))
      (local.set $pixels (v128.load32_lane 0 (i32.add (local.get $r0) (local.get $at)) (local.get $pixels)))
      (local.set $pixels (v128.load32_lane 1 (i32.add (local.get $r1) (local.get $at)) (local.get $pixels)))
      (local.set $pixels (v128.load32_lane 2 (i32.add (local.get $r2) (local.get $at)) (local.get $pixels)))
      (local.set $pixels (v128.load32_lane 3 (i32.add (local.get $r3) (local.get $at)) (local.get $pixels)))
      (v128.store (local.get $out)
        (f32x4.add
          (f32x4.add
            (f32x4.mul
              (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $pixels)
                (v128.const i8x16 0 128 128 128 4 128 128 128 8 128 128 128 12 128 128 128)))
              (v128.const f32x4 0x1.322d0ep-2 0x1.322d0ep-2 0x1.322d0ep-2 0x1.322d0ep-2))
            (f32x4.mul
              (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $pixels)
                (v128.const i8x16 1 128 128 128 5 128 128 128 9 128 128 128 13 128 128 128)))
              (v128.const f32x4 0x1.2c8b44p-1 0x1.2c8b44p-1 0x1.2c8b44p-1 0x1.2c8b44p-1)))
          (f32x4.mul
            (f32x4.convert_i32x4_s (i8x16.swizzle (local.get $pixels)
              (v128.const i8x16 2 128 128 128 6 128 128 128 10 128 128 128 14 128 128 128)))
            (v128.const f32x4 0x1.d2f1aap-4 0x1.d2f1aap-4 0x1.d2f1aap-4 0x1.d2f1aap-4))))
      (local.set $out (i32.add (local.get $out) (local.get $outStep)))
      (local.set $offsets (i32.add (local.get $offsets) (i32.const 4)))
      (br_if $column (i32.lt_u (local.get $offsets) (local.get $end)))))

  ;; The same for a grey image: the luminance is the first byte of each pixel.
  (func (export "lumaGrey4")
    (param $r0 i32) (param $r1 i32) (param $r2 i32) (param $r3 i32)
    (param $offsets i32) (param $n i32) (param $out i32) (param $outStep i32)
    (local $end i32) (local $at i32) (local $pixels v128)
    (local.set $end (i32.add (local.get $offsets) (i32.shl (local.get $n) (i32.const 2))))
    (loop $column
      (local.set $at (i32.load (local.get $offsets)))
      (local.set $pixels (v128.load32_lane 0 (i32.add (local.get $r0) (local.get $at)) (local.get $pixels)))
      (local.set $pixels (v128.load32_lane 1 (i32.add (local.get $r1) (local.get $at)) (local.get $pixels)))
      (local.set $pixels (v128.load32_lane 2 (i32.add (local.get $r2) (local.get $at)) (local.get $pixels)))
      (local.set $pixels (v128.load32_lane 3 (i32.add (local.get $r3) (local.get $at)) (local.get $pixels)))
      (v128.store (local.get $out)
        (f32x4.convert_i32x4_s (v128.and (local.get $pixels) (v128.const i32x4 0xff 0xff 0xff 0xff))))
      (local.set $out (i32.add (local.get $out) (local.get $outStep)))
      (local.set $offsets (i32.add (local.get $offsets) (i32.const 4)))
      (br_if $column (i32.lt_u (local.get $offsets) (local.get $end)))))

  ;; One box pass of the reference down the columns of a height × width plane
  ;; (width a multiple of 16), 16 columns at a time, each column with its own
  ;; f32 running sum: the window is centred with its larger half ahead,
  ;; truncated at both ends, and the sum divided by the number of rows in it.
  ;; Step t adds row t (while t < height), then subtracts row t − window (once
  ;; t ≥ window); from t = lead on, output row q = t − lead is complete. The
  ;; order of the additions and subtractions, and so every rounding, is the
  ;; reference's. Only the output rows listed at `samples` (non-decreasing, a
  ;; row may repeat, ended by −1) are stored, one after the other from `out`.
  (func (export "box")
    (param $in i32) (param $inStride i32) (param $out i32) (param $outStride i32)
    (param $height i32) (param $width i32) (param $window i32) (param $samples i32)
    (local $j i32) (local $t i32) (local $end i32) (local $lead i32) (local $q i32)
    (local $ahead i32) (local $behind i32) (local $dst i32) (local $sample i32) (local $next i32)
    (local $n i32) (local $count v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $lead (i32.sub (i32.shr_u (i32.add (local.get $window) (i32.const 2)) (i32.const 1)) (i32.const 1)))
    (local.set $end (i32.add (local.get $height) (local.get $lead)))
    (local.set $j (i32.const 0))
    (loop $columns
      (local.set $s0 (v128.const i32x4 0 0 0 0))
      (local.set $s1 (v128.const i32x4 0 0 0 0))
      (local.set $s2 (v128.const i32x4 0 0 0 0))
      (local.set $s3 (v128.const i32x4 0 0 0 0))
      (local.set $ahead (i32.add (local.get $in) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $behind (local.get $ahead))
      (local.set $dst (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $sample (local.get $samples))
      (local.set $next (i32.load (local.get $sample)))
      (local.set $t (i32.const 0))
      (block $stored
        (loop $step
          (if (i32.lt_u (local.get $t) (local.get $height))
            (then
              (local.set $s0 (f32x4.add (local.get $s0) (v128.load (local.get $ahead))))
              (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=16 (local.get $ahead))))
              (local.set $s2 (f32x4.add (local.get $s2) (v128.load offset=32 (local.get $ahead))))
              (local.set $s3 (f32x4.add (local.get $s3) (v128.load offset=48 (local.get $ahead))))
              (local.set $ahead (i32.add (local.get $ahead) (local.get $inStride)))))
          (if (i32.ge_u (local.get $t) (local.get $window))
            (then
              (local.set $s0 (f32x4.sub (local.get $s0) (v128.load (local.get $behind))))
              (local.set $s1 (f32x4.sub (local.get $s1) (v128.load offset=16 (local.get $behind))))
              (local.set $s2 (f32x4.sub (local.get $s2) (v128.load offset=32 (local.get $behind))))
              (local.set $s3 (f32x4.sub (local.get $s3) (v128.load offset=48 (local.get $behind))))
              (local.set $behind (i32.add (local.get $behind) (local.get $inStride)))))
          (local.set $q (i32.sub (local.get $t) (local.get $lead)))
          (if (i32.eq (local.get $q) (local.get $next))
            (then
              ;; rows in the window: min(t + 1, height) − max(0, t + 1 − window)
              (local.set $n (i32.sub
                (select (i32.add (local.get $t) (i32.const 1)) (local.get $height)
                  (i32.lt_u (local.get $t) (local.get $height)))
                (select (i32.sub (i32.add (local.get $t) (i32.const 1)) (local.get $window)) (i32.const 0)
                  (i32.ge_u (local.get $t) (local.get $window)))))
              (local.set $count (f32x4.splat (f32.convert_i32_u (local.get $n))))
              (loop $store
                (v128.store (local.get $dst) (f32x4.div (local.get $s0) (local.get $count)))
                (v128.store offset=16 (local.get $dst) (f32x4.div (local.get $s1) (local.get $count)))
                (v128.store offset=32 (local.get $dst) (f32x4.div (local.get $s2) (local.get $count)))
                (v128.store offset=48 (local.get $dst) (f32x4.div (local.get $s3) (local.get $count)))
                (local.set $dst (i32.add (local.get $dst) (local.get $outStride)))
                (local.set $sample (i32.add (local.get $sample) (i32.const 4)))
                (local.set $next (i32.load (local.get $sample)))
                (br_if $store (i32.eq (local.get $q) (local.get $next))))
              (br_if $stored (i32.lt_s (local.get $next) (i32.const 0)))))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $step (i32.lt_u (local.get $t) (local.get $end)))))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br_if $columns (i32.lt_u (local.get $j) (local.get $width)))))

  ;; out[j][i] = in[i][j] for an h × w block (h a multiple of 16, w of 4), by
  ;; 4 × 4 tiles taken down a band of 16 rows, so that each output row gets
  ;; 64 consecutive bytes (a cache line) at a time.
  (func (export "transpose")
    (param $in i32) (param $inStride i32) (param $out i32) (param $outStride i32) (param $h i32) (param $w i32)
    (local $band i32) (local $i i32) (local $j i32) (local $src i32) (local $dst i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $band (i32.const 0))
    (loop $bands
      (local.set $j (i32.const 0))
      (loop $cols
        (local.set $i (local.get $band))
        (loop $tiles
          (local.set $src (i32.add (i32.add (local.get $in) (i32.mul (local.get $i) (local.get $inStride)))
            (i32.shl (local.get $j) (i32.const 2))))
          (local.set $r0 (v128.load (local.get $src)))
          (local.set $r1 (v128.load (i32.add (local.get $src) (local.get $inStride))))
          (local.set $r2 (v128.load (i32.add (local.get $src) (i32.shl (local.get $inStride) (i32.const 1)))))
          (local.set $r3 (v128.load (i32.add (local.get $src) (i32.mul (local.get $inStride) (i32.const 3)))))
          ;; t0 = a0 b0 a1 b1, t1 = a2 b2 a3 b3, t2 = c0 d0 c1 d1, t3 = c2 d2 c3 d3
          (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
          (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
          (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
          (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
          (local.set $dst (i32.add (i32.add (local.get $out) (i32.mul (local.get $j) (local.get $outStride)))
            (i32.shl (local.get $i) (i32.const 2))))
          (v128.store (local.get $dst)
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
          (v128.store (i32.add (local.get $dst) (local.get $outStride))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
          (v128.store (i32.add (local.get $dst) (i32.shl (local.get $outStride) (i32.const 1)))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
          (v128.store (i32.add (local.get $dst) (i32.mul (local.get $outStride) (i32.const 3)))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $tiles (i32.lt_u (local.get $i) (i32.add (local.get $band) (i32.const 16)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br_if $cols (i32.lt_u (local.get $j) (local.get $w))))
      (local.set $band (i32.add (local.get $band) (i32.const 16)))
      (br_if $bands (i32.lt_u (local.get $band) (local.get $h)))))

    ;; B = D·A·Dᵀ, keeping frequencies 1..16: a is the 64×64 plane, d the 16×64
  ;; DCT matrix, dt its transpose (64×16), tmp 16×64 scratch, b the 16×16
  ;; result. Every sum runs in f32 over k ascending, each product rounded
  ;; before it is added, as in the reference; 16 columns at a time.
  (func (export "dct")
    (param $a i32) (param $d i32) (param $dt i32) (param $tmp i32) (param $b i32)
    (local $i i32) (local $j i32) (local $k i32) (local $row i32) (local $at i32) (local $x v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    ;; tmp[i][j..j+15] = Σk d[i][k]·a[k][j..j+15]
    (local.set $i (i32.const 0))
    (loop $rowsOfTmp
      (local.set $row (i32.add (local.get $d) (i32.shl (local.get $i) (i32.const 8))))
      (local.set $j (i32.const 0))
      (loop $colsOfTmp
        (local.set $s0 (v128.const i32x4 0 0 0 0))
        (local.set $s1 (v128.const i32x4 0 0 0 0))
        (local.set $s2 (v128.const i32x4 0 0 0 0))
        (local.set $s3 (v128.const i32x4 0 0 0 0))
        (local.set $at (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (i32.const 0))
        (loop $sum
          (local.set $x (f32x4.splat (f32.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 2))))))
          (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (v128.load (local.get $at)))))
          (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $at)))))
          (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $x) (v128.load offset=32 (local.get $at)))))
          (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $x) (v128.load offset=48 (local.get $at)))))
          (local.set $at (i32.add (local.get $at) (i32.const 256)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $sum (i32.lt_u (local.get $k) (i32.const 64))))
        (local.set $at (i32.add (local.get $tmp)
          (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 6)) (local.get $j)) (i32.const 2))))
        (v128.store (local.get $at) (local.get $s0))
        (v128.store offset=16 (local.get $at) (local.get $s1))
        (v128.store offset=32 (local.get $at) (local.get $s2))
        (v128.store offset=48 (local.get $at) (local.get $s3))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br_if $colsOfTmp (i32.lt_u (local.get $j) (i32.const 64))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rowsOfTmp (i32.lt_u (local.get $i) (i32.const 16))))
    ;; b[i][0..15] = Σk tmp[i][k]·dt[k][0..15]
    (local.set $i (i32.const 0))
    (loop $rowsOfB
      (local.set $row (i32.add (local.get $tmp) (i32.shl (local.get $i) (i32.const 8))))
      (local.set $s0 (v128.const i32x4 0 0 0 0))
      (local.set $s1 (v128.const i32x4 0 0 0 0))
      (local.set $s2 (v128.const i32x4 0 0 0 0))
      (local.set $s3 (v128.const i32x4 0 0 0 0))
      (local.set $at (local.get $dt))
      (local.set $k (i32.const 0))
      (loop $sum
        (local.set $x (f32x4.splat (f32.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 2))))))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (v128.load (local.get $at)))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $at)))))
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $x) (v128.load offset=32 (local.get $at)))))
        (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $x) (v128.load offset=48 (local.get $at)))))
        (local.set $at (i32.add (local.get $at) (i32.const 64)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $sum (i32.lt_u (local.get $k) (i32.const 64))))
      (local.set $at (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 6))))
      (v128.store (local.get $at) (local.get $s0))
      (v128.store offset=16 (local.get $at) (local.get $s1))
      (v128.store offset=32 (local.get $at) (local.get $s2))
      (v128.store offset=48 (local.get $at) (local.get $s3))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rowsOfB (i32.lt_u (local.get $i) (i32.const 16)))))

  ;; The reference's quality of the 64×64 plane a: over every vertical, then
  ;; every horizontal neighbour pair (u, v), |trunc(((u − v)·100)/255)| in f32,
  ;; summed; the total divided by 90 (integer division), at most 100.
  (func (export "quality") (param $a i32) (result i32)
    (local $at i32) (local $end i32) (local $row i32) (local $total v128) (local $sum i32)
    ;; vertical pairs: rows i and i + 1 (i < 63), four columns at a time
    (local.set $at (local.get $a))
    (local.set $end (i32.add (local.get $a) (i32.const 16128)))
    (loop $vertical
      (local.set $total (i32x4.add (local.get $total)
        (call $step (v128.load (local.get $at)) (v128.load offset=256 (local.get $at)))))
      (local.set $at (i32.add (local.get $at) (i32.const 16)))
      (br_if $vertical (i32.lt_u (local.get $at) (local.get $end))))
    ;; horizontal pairs: columns j and j + 1; the last group of each row has three
    (local.set $row (local.get $a))
    (local.set $end (i32.add (local.get $a) (i32.const 16384)))
    (loop $rows
      (local.set $at (local.get $row))
      (loop $horizontal
        (local.set $total (i32x4.add (local.get $total)
          (call $step (v128.load (local.get $at)) (v128.load offset=4 (local.get $at)))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br_if $horizontal (i32.lt_u (local.get $at) (i32.add (local.get $row) (i32.const 240)))))
      (local.set $total (i32x4.add (local.get $total)
        (v128.and (call $step (v128.load (local.get $at)) (v128.load offset=4 (local.get $at)))
          (v128.const i32x4 -1 -1 -1 0))))
      (local.set $row (i32.add (local.get $row) (i32.const 256)))
      (br_if $rows (i32.lt_u (local.get $row) (local.get $end))))
    (local.set $sum (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $total)) (i32x4.extract_lane 1 (local.get $total)))
      (i32.add (i32x4.extract_lane 2 (local.get $total)) (i32x4.extract_lane 3 (local.get $total)))))
    (local.set $sum (i32.div_u (local.get $sum) (i32.const 90)))
    (select (local.get $sum) (i32.const 100) (i32.lt_u (local.get $sum) (i32.const 100))))

  ;; |trunc(((u − v)·100)/255)| lane by lane (the values stay within ±100).
  (func $step (param $u v128) (param $v v128) (result v128)
    (i32x4.abs (i32x4.trunc_sat_f32x4_s
      (f32x4.div
        (f32x4.mul (f32x4.sub (local.get $u) (local.get $v)) (v128.const f32x4 100 100 100 100))
        (v128.const f32x4 255 255 255 255))))))
