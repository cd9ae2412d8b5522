# Raytrace: a small recursive (Whitted-style) ray tracer, as in the classic
# interpreter benchmark suites (T. Whitted, "An Improved Illumination Model for
# Shaded Display", CACM 23(6), 1980). A few spheres and a checkered floor
# plane, two point lights with shadows, Lambert and Phong shading and mirror
# reflections to a fixed depth; renders an N x N image and prints a checksum
# of the 8-bit pixels. Vectors and colours are small immutable objects:
# stresses object allocation, float arithmetic, special-method dispatch
# (__add__, __sub__, __mul__) and method calls.
import math
import sys

EPSILON = 1e-6
MAX_DEPTH = 3


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        return self * (1.0 / self.length())

    def mirrored(self, normal):
        """This direction reflected about a surface with the given unit normal."""
        return self - normal * (2.0 * self.dot(normal))


class Colour:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Colour(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, k):
        return Colour(self.r * k, self.g * k, self.b * k)

    def tint(self, other):
        return Colour(self.r * other.r, self.g * other.g, self.b * other.b)

    def to_bytes(self):
        return [max(0, min(255, int(c * 255.0 + 0.5))) for c in (self.r, self.g, self.b)]


BLACK = Colour(0.0, 0.0, 0.0)
WHITE = Colour(1.0, 1.0, 1.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def hit_distance(self, ray):
        """Nearest t > 0 where the ray meets the sphere, or None."""
        to_centre = self.centre - ray.origin
        along = to_centre.dot(ray.direction)
        gap = along * along - to_centre.dot(to_centre) + self.radius * self.radius
        if gap < 0.0:
            return None
        root = math.sqrt(gap)
        t = along - root
        if t > EPSILON:
            return t
        t = along + root
        return t if t > EPSILON else None

    def normal_at(self, point):
        return (point - self.centre).unit()


class Plane:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.unit()

    def hit_distance(self, ray):
        facing = ray.direction.dot(self.normal)
        if abs(facing) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / facing
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Material:
    def __init__(self, colour, ambient=0.1, diffuse=0.7, specular=0.3, shininess=30.0, mirror=0.0):
        self.colour = colour
        self.ambient = ambient
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror

    def colour_at(self, point):
        return self.colour


class Checkered(Material):
    def __init__(self, colour, other, size, **kwargs):
        super().__init__(colour, **kwargs)
        self.other = other
        self.size = size

    def colour_at(self, point):
        cell = int(math.floor(point.x / self.size) + math.floor(point.z / self.size))
        return self.colour if cell % 2 == 0 else self.other


class Scene:
    def __init__(self, eye, look_at, field_of_view):
        self.things = []
        self.lights = []
        self.eye = eye
        self.forward = (look_at - eye).unit()
        self.right = self.forward.cross(Vector(0.0, 1.0, 0.0)).unit()
        self.up = self.right.cross(self.forward)
        self.half_width = math.tan(math.radians(field_of_view) / 2.0)
        self.background = Colour(0.05, 0.08, 0.15)
        self.rays_cast = 0

    def add(self, shape, material):
        self.things.append((shape, material))

    def nearest(self, ray):
        self.rays_cast += 1
        best_t = None
        best = None
        for thing in self.things:
            t = thing[0].hit_distance(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = thing
        return best_t, best

    def in_shadow(self, point, light):
        to_light = light - point
        distance = to_light.length()
        ray = Ray(point, to_light)
        for shape, _ in self.things:
            t = shape.hit_distance(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        t, thing = self.nearest(ray)
        if thing is None:
            return self.background
        shape, material = thing
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        base = material.colour_at(point)
        result = base * material.ambient
        reflected = ray.direction.mirrored(normal)
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light - point).unit()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                result = result + base * (material.diffuse * lambert)
            highlight = reflected.dot(to_light)
            if highlight > 0.0:
                result = result + WHITE * (material.specular * highlight ** material.shininess)
        if material.mirror > 0.0 and depth < MAX_DEPTH:
            bounce = self.trace(Ray(point, reflected), depth + 1)
            result = result + bounce * material.mirror
        return result

    def render(self, width, height):
        pixels = []
        aspect = height / width
        for row in range(height):
            sy = (1.0 - 2.0 * (row + 0.5) / height) * self.half_width * aspect
            for col in range(width):
                sx = (2.0 * (col + 0.5) / width - 1.0) * self.half_width
                direction = self.forward + self.right * sx + self.up * sy
                pixels.extend(self.trace(Ray(self.eye, direction), 0).to_bytes())
        return pixels


def build_scene():
    scene = Scene(Vector(0.0, 1.8, 10.0), Vector(0.0, 3.0, 0.0), 45.0)
    scene.add(Sphere(Vector(0.0, 3.0, 0.0), 1.6),
              Material(Colour(0.9, 0.2, 0.2), mirror=0.4))
    scene.add(Sphere(Vector(-2.6, 1.6, 1.2), 1.0),
              Material(Colour(0.2, 0.8, 0.3), specular=0.6, shininess=60.0, mirror=0.2))
    scene.add(Sphere(Vector(2.4, 1.2, 1.8), 0.8),
              Material(Colour(0.3, 0.4, 0.95), mirror=0.5))
    scene.add(Sphere(Vector(-4.0, 4.5, -3.0), 1.3),
              Material(Colour(0.9, 0.8, 0.2), specular=0.1, shininess=10.0))
    scene.add(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0)),
              Checkered(Colour(0.95, 0.95, 0.95), Colour(0.15, 0.15, 0.15), 1.5,
                        diffuse=0.8, specular=0.1, mirror=0.25))
    scene.lights.append(Vector(-10.0, 12.0, 8.0))
    scene.lights.append(Vector(6.0, 9.0, 10.0))
    return scene


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    scene = build_scene()
    pixels = scene.render(size, size)
    checksum = 2166136261
    for byte in pixels:
        checksum = ((checksum ^ byte) * 16777619) & 0xFFFFFFFF
    print("raytrace %dx%d: %d rays, byte sum %d, FNV-1a %08x"
          % (size, size, scene.rays_cast, sum(pixels), checksum))


main()
