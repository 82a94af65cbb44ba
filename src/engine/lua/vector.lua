-- The `vector` library: 3D vectors with arithmetic operators, as in the engine.
local core, host, private = ...

local vector = {}
rawset(_G, "vector", vector)
local metatable = {}
vector.metatable = metatable

local function fast_new(x, y, z)
	return setmetatable({ x = x, y = y, z = z }, metatable)
end

function vector.new(a, b, c)
	if a and b and c then
		return fast_new(a, b, c)
	elseif type(a) == "table" then
		return fast_new(a.x, a.y, a.z)
	elseif a == nil then
		return fast_new(0, 0, 0)
	end
	error("Invalid vector passed to vector.new()")
end

function vector.zero()
	return fast_new(0, 0, 0)
end

function vector.copy(v)
	return fast_new(v.x, v.y, v.z)
end

function vector.check(v)
	return getmetatable(v) == metatable
end

function vector.from_string(s, init)
	local x, y, z, next_index = s:match("^%s*%(%s*([^%s,]+)%s*[,%s]%s*([^%s,]+)%s*[,%s]%s*([^%s,]+)%s*[,%s]?%s*%)()", init)
	x, y, z = tonumber(x), tonumber(y), tonumber(z)
	if not (x and y and z) then
		return nil
	end
	return fast_new(x, y, z), next_index
end

function vector.to_string(v)
	return string.format("(%g, %g, %g)", v.x, v.y, v.z)
end
metatable.__tostring = vector.to_string

function vector.equals(a, b)
	return a.x == b.x and a.y == b.y and a.z == b.z
end
metatable.__eq = vector.equals

function vector.length(v)
	return math.sqrt(v.x * v.x + v.y * v.y + v.z * v.z)
end

function vector.normalize(v)
	local len = vector.length(v)
	if len == 0 then
		return fast_new(0, 0, 0)
	end
	return vector.divide(v, len)
end

function vector.floor(v)
	return vector.apply(v, math.floor)
end

function vector.round(v)
	return vector.apply(v, math.round)
end

function vector.ceil(v)
	return vector.apply(v, math.ceil)
end

function vector.sign(v, tolerance)
	return vector.apply(v, math.sign, tolerance)
end

function vector.abs(v)
	return vector.apply(v, math.abs)
end

function vector.apply(v, func, ...)
	return fast_new(func(v.x, ...), func(v.y, ...), func(v.z, ...))
end

function vector.combine(a, b, func)
	return fast_new(func(a.x, b.x), func(a.y, b.y), func(a.z, b.z))
end

function vector.distance(a, b)
	local x, y, z = a.x - b.x, a.y - b.y, a.z - b.z
	return math.sqrt(x * x + y * y + z * z)
end

function vector.direction(a, b)
	return vector.normalize(fast_new(b.x - a.x, b.y - a.y, b.z - a.z))
end

function vector.angle(a, b)
	local dot = vector.dot(a, b)
	local cross = vector.length(vector.cross(a, b))
	return math.atan2(cross, dot)
end

function vector.dot(a, b)
	return a.x * b.x + a.y * b.y + a.z * b.z
end

function vector.cross(a, b)
	return fast_new(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
end

function vector.offset(v, x, y, z)
	return fast_new(v.x + x, v.y + y, v.z + z)
end

local function operate(name, op)
	vector[name] = function(a, b)
		if type(b) == "table" then
			return fast_new(op(a.x, b.x), op(a.y, b.y), op(a.z, b.z))
		end
		return fast_new(op(a.x, b), op(a.y, b), op(a.z, b))
	end
end
operate("add", function(p, q) return p + q end)
operate("subtract", function(p, q) return p - q end)
operate("multiply", function(p, q) return p * q end)
operate("divide", function(p, q) return p / q end)

function metatable.__add(a, b)
	return fast_new(a.x + b.x, a.y + b.y, a.z + b.z)
end

function metatable.__sub(a, b)
	return fast_new(a.x - b.x, a.y - b.y, a.z - b.z)
end

function metatable.__unm(a)
	return fast_new(-a.x, -a.y, -a.z)
end

function metatable.__mul(a, b)
	if type(a) == "table" then
		return fast_new(a.x * b, a.y * b, a.z * b)
	end
	return fast_new(a * b.x, a * b.y, a * b.z)
end

function metatable.__div(a, b)
	return fast_new(a.x / b, a.y / b, a.z / b)
end

function vector.sort(a, b)
	return fast_new(math.min(a.x, b.x), math.min(a.y, b.y), math.min(a.z, b.z)),
		fast_new(math.max(a.x, b.x), math.max(a.y, b.y), math.max(a.z, b.z))
end

function vector.in_area(pos, min, max)
	return pos.x >= min.x and pos.x <= max.x and pos.y >= min.y and pos.y <= max.y and pos.z >= min.z and pos.z <= max.z
end

local function rotate_around_axis(v, axis, angle)
	local cosine, sine = math.cos(angle), math.sin(angle)
	axis = vector.normalize(axis)
	local dot = vector.dot(axis, v)
	local cross = vector.cross(v, axis)
	return fast_new(
		cross.x * sine + (v.x - axis.x * dot) * cosine + axis.x * dot,
		cross.y * sine + (v.y - axis.y * dot) * cosine + axis.y * dot,
		cross.z * sine + (v.z - axis.z * dot) * cosine + axis.z * dot
	)
end
vector.rotate_around_axis = rotate_around_axis

function vector.rotate(v, rot)
	local result = rotate_around_axis(v, fast_new(0, 0, 1), rot.z)
	result = rotate_around_axis(result, fast_new(1, 0, 0), rot.x)
	return rotate_around_axis(result, fast_new(0, 1, 0), rot.y)
end

for _, name in ipairs({ "dir_to_rotation" }) do
	private.partial["vector." .. name] = "direction only, roll is 0"
end

function vector.dir_to_rotation(forward)
	forward = vector.normalize(forward)
	local yaw = -math.atan2(forward.x, forward.z)
	local pitch = math.asin(forward.y)
	return fast_new(pitch, yaw, 0)
end

metatable.__index = vector
